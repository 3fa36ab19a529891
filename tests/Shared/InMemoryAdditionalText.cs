using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pyxis.Testing;

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}

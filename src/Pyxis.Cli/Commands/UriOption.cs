using System.CommandLine;

namespace Pyxis.Cli.Commands;

/// <summary>An absolute-URI option: System.CommandLine has no converter for <see cref="Uri"/>.</summary>
internal static class UriOption
{
    public static Option<Uri?> Create(string name, string description, Uri? fallback = null) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (
                    Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                )
                {
                    return uri;
                }

                result.AddError($"{name} must be an absolute http(s) URI, not '{text}'.");
                return null;
            },
        };
}

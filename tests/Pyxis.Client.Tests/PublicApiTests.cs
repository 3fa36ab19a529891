using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Pyxis.Client.Tests;

/// <summary>The public API of the package, reviewed as a snapshot: any change to it shows up in the diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_is_the_reviewed_one()
    {
        var api = typeof(PyxisClient).Assembly.GeneratePublicApi(
            new ApiGeneratorOptions
            {
                ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
                AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"], // AddPyxisClient lives there by convention
            }
        );

        Snapshot.Match(api);
    }
}

using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Pyxis.Client.Tests;

/// <summary>The public API of the package, reviewed as a snapshot: any change to it shows up in the diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_is_the_reviewed_one() => Snapshot.Match(Api(typeof(PyxisClient)));

    [Fact]
    public void The_fleet_budget_package_API_is_the_reviewed_one() => Snapshot.Match(Api(typeof(Redis.PyxisFleetBudget)));

    private static string Api(Type inPackage) =>
        inPackage.Assembly.GeneratePublicApi(
            new ApiGeneratorOptions
            {
                ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
                AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"], // AddPyxisClient lives there by convention
            }
        );
}

using System.IO.Compression;
using System.Xml.Linq;

namespace Pyxis.Package.Tests;

/// <summary>The one NuGet package users install: its layout, and a consumer built strictly from it.</summary>
[Collection(PackedPackage.Collection)]
public sealed class PackageTests(PackedPackage package)
{
    [Fact]
    public void The_package_holds_runtime_generator_parser_schema_and_MSBuild_wiring()
    {
        using var zip = ZipFile.OpenRead(package.Path);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/Pyxis.Client.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Pyxis.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/GraphQLParser.dll", entries);
        Assert.Contains("build/net10.0/Pyxis.Client.props", entries);
        Assert.Contains("build/net10.0/Pyxis.Client.targets", entries);
        Assert.Contains("build/net10.0/Pyxis.Client.GeneratorOptions.props", entries);
        Assert.Contains("build/net10.0/pyxis.graphql", entries);

        // Nothing for transitive consumers, and nothing framework-agnostic (another framework gets NU1202, not 24 CS0246s).
        Assert.DoesNotContain(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e =>
            e.StartsWith("build/", StringComparison.Ordinal) && !e.StartsWith("build/net10.0/", StringComparison.Ordinal)
        );

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec
            .Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!)
            .ToList();
        Assert.Contains("Polly.Core", dependencies);
        Assert.Contains("Microsoft.Extensions.Caching.Hybrid", dependencies);
        // The schema check and its health check read SDL and operations at run time; the generator keeps its own copy above.
        Assert.Contains("GraphQL-Parser", dependencies);
        Assert.Contains("Microsoft.Extensions.Diagnostics.HealthChecks", dependencies);

        // A package a company can publish: authors, its own README, the commit it was built from, symbols beside it.
        string Meta(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("PyxisSdk contributors", Meta("authors"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.DoesNotContain(
            "](tests/",
            new StreamReader(zip.Entries.Single(e => e.FullName == "README.md").Open()).ReadToEnd(),
            StringComparison.Ordinal
        );
        Assert.Matches("^[0-9a-f]{40}$", (string?)nuspec.Descendants().Single(e => e.Name.LocalName == "repository").Attribute("commit"));
        Assert.True(File.Exists(Path.ChangeExtension(package.Path, ".snupkg")), "no symbol package beside the package");
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consumer_gets_typed_methods_for_its_own_operations_and_builds_warning_free()
    {
        var consumer = Consumer.Create(
            package,
            """
            query LatestUbi($repository: String!) {
              get_repository_by_registry_path(registry: "registry.access.redhat.com", repository: $repository) {
                data { ...Repo }
                error { status detail }
              }
            }
            fragment Repo on ContainerRepository { repository published }
            query OwnImages($filter: ContainerImageFilter) {
              find_images(filter: $filter, page_size: 1) { data { _id } error { status detail } }
            }
            query ImageById($id: ObjectIDFilterScalar) { get_image(id: $id) { data { _id } } }
            """
        );
        try
        {
            var (code, output) = DotNet.Run(consumer, "run");

            Assert.True(code == 0, output);
            Assert.Contains("LatestUbi:query LatestUbi($repository: String!)", output, StringComparison.Ordinal);
            Assert.Contains("curated:GetRepositoryByRegistryPath", output, StringComparison.Ordinal);
            // One ContainerImageFilter in the program: the package's, used by the curated and the own method alike.
            Assert.Contains("filter:Pyxis.Client True True", output, StringComparison.Ordinal);
            // A PyxisScalar item maps ObjectIDFilterScalar to the app's struct, which writes the variable.
            Assert.Contains("scalar:{\"id\":\"0123456789abcdef01234567\"}", output, StringComparison.Ordinal);
            // The package's targets enable interception: the lambda query was translated, not the throwing fallback.
            Assert.Contains("lambda:ubi9/ubi", output, StringComparison.Ordinal);
            OperationManifest.AssertListsEveryOperation(consumer);
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    [Fact]
    public void A_consumer_operation_with_a_typo_fails_the_build_at_its_line_and_column()
    {
        var consumer = Consumer.Create(
            package,
            "query LatestUbi {\n  get_repository_by_registry_path(registry: \"r\", repository: \"x\") {\n    data { repositoryy }\n  }\n}"
        );
        try
        {
            var (code, output) = DotNet.Run(consumer, "build");

            Assert.NotEqual(0, code);
            Assert.Contains(
                "Operations.graphql(3,12): error PYX005: Field 'repositoryy' does not exist on type 'ContainerRepository'",
                output,
                StringComparison.Ordinal
            );
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    [Fact]
    public void An_operation_named_like_a_curated_one_is_a_PYX_error_not_ambiguous_CSharp()
    {
        var consumer = Consumer.Create(
            package,
            "query LatestUbi { get_repository_by_registry_path(registry: \"r\", repository: \"x\") { data { repository } } }\nquery GetRepositoryByRegistryPath {\n  get_repository_by_registry_path(registry: \"r\", repository: \"x\") { data { repository } }\n}\nquery OwnImages { find_images { data { _id } } }"
        );
        try
        {
            var (code, output) = DotNet.Run(consumer, "build");

            Assert.NotEqual(0, code);
            Assert.True(
                output.Contains(
                    "Operations.graphql(2,7): error PYX033: Operation 'GetRepositoryByRegistryPath' has the name of one Pyxis.Client already provides",
                    StringComparison.Ordinal
                ),
                output
            );
            Assert.DoesNotContain("CS0121", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS0104", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    [Fact]
    public void The_reserved_operation_names_in_the_package_targets_are_the_curated_operations()
    {
        var targets = File.ReadAllText(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "src/Pyxis.Client/build/Pyxis.Client.targets"));
        var reserved = System
            .Text.RegularExpressions.Regex.Match(targets, "<PyxisReservedOperations>([^<]*)<")
            .Groups[1]
            .Value.Split(',')
            .Order(StringComparer.Ordinal);
        var curated = Directory
            .GetFiles(Path.Combine(Pyxis.Testing.RepositoryRoot.Path, "schema/operations"), "*.graphql")
            .SelectMany(f =>
                System.Text.RegularExpressions.Regex.Matches(
                    File.ReadAllText(f),
                    @"^(?:query|mutation) (\w+)",
                    System.Text.RegularExpressions.RegexOptions.Multiline
                )
            )
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal);

        Assert.Equal(curated, reserved);
    }

    [Fact]
    public void The_emulator_package_serves_the_xunit_example_from_its_README()
    {
        var page = File.ReadAllText(Path.Combine(PackedPackage.Root, "src/Pyxis.Emulator/PACKAGE.md"));
        var start = page.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var example = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains(example, File.ReadAllText(Path.Combine(PackedPackage.Root, "README.md")), StringComparison.Ordinal);
        var project = Consumer.CreateEmulatorTests(package, example);
        try
        {
            var (code, output) = DotNet.Run(project, "test");

            Assert.True(code == 0, output);
            Assert.Contains("Passed!  - Failed:     0, Passed:     1", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void A_project_that_gets_the_package_through_another_generates_nothing()
    {
        var root = Consumer.CreateTransitive(package);
        try
        {
            var (code, output) = DotNet.Run(Path.Combine(root, "App"), "build");

            Assert.True(code == 0, output);
            Assert.DoesNotContain("PYX", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

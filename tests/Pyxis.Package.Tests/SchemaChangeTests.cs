using System.Text.RegularExpressions;

namespace Pyxis.Package.Tests;

/// <summary>
/// A service built from the packed package against an edited copy of the bundled schema (a field removed, an argument
/// renamed, an input type renamed, a field deprecated): one PYX error per removed thing, at its <c>.graphql</c> token,
/// C# errors only where C# uses what is gone, and CS0618 where it reads what is deprecated.
/// </summary>
public sealed partial class SchemaChangeTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string Operations = """
        query Repo($registry: String!, $repository: String!) {
          get_repository_by_registry_path(registry: $registry, repository: $repository) {
            data { registry published release_categories }
            error { status detail }
          }
        }
        query Images($filter: ContainerImageFilter, $size: Int) {
          find_images(filter: $filter, page_size: $size) { data { _id } error { status detail } }
        }
        """;

    // Line numbers matter: the test expects C# errors at lines 6, 7 and 9 and nowhere else.
    private const string Program = """
        using Consumer;
        using Pyxis.Client;
        using var client = new PyxisClient();
        var repo = await client.RepoAsync("registry.access.redhat.com", "ubi9/ubi");
        Console.WriteLine(repo?.Registry);
        Console.WriteLine(repo?.Published);
        Console.WriteLine(repo?.ReleaseCategories?.Count);
        var page = await client.ImagesAsync(size: 1);
        var filtered = await client.ImagesAsync(filter: new ContainerImageFilter(), size: 1);
        Console.WriteLine(page.Data?.Count);
        """;

    [Fact]
    public void Each_removed_thing_is_one_PYX_error_and_CSharp_fails_only_where_it_uses_it()
    {
        var directory = Create(EditedSchema());
        try
        {
            var (code, output) = DotNet.Run(directory, "build");

            Assert.NotEqual(0, code);
            var errors = Diagnostics(output, "error");
            Assert.True(
                errors.SequenceEqual([
                    ("Ops.graphql", 2, 56, "PYX006"),
                    ("Ops.graphql", 3, 21, "PYX005"),
                    ("Ops.graphql", 7, 23, "PYX004"),
                    ("Program.cs", 6, 24, "CS1061"),
                    ("Program.cs", 7, 24, "CS0618"),
                    ("Program.cs", 9, 41, "CS1739"),
                ]),
                string.Join("\n", errors) + "\n" + output
            );
            Assert.Contains("Did you mean 'registry' or 'repository_path'?", output, StringComparison.Ordinal);
            Assert.Contains(
                "Unknown type 'ContainerImageFilter' Did you mean 'ContainerImageFilterV2', ",
                output,
                StringComparison.Ordinal
            );
            Assert.Contains(
                "'RepoQuery.ContainerRepository.ReleaseCategories' is obsolete: 'Use categories'",
                output,
                StringComparison.Ordinal
            );
            Assert.Equal([("Ops.graphql", 3, 31, "PYX032")], Diagnostics(output, "warning"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // The bundled schema with the four edits a service owner meets over the years.
    private static string EditedSchema()
    {
        var schema = File.ReadAllText(Path.Combine(PackedPackage.Root, "schema", "pyxis.graphql"));
        var start = schema.IndexOf("\ntype ContainerRepository {", StringComparison.Ordinal);
        var end = schema.IndexOf("\n}", start, StringComparison.Ordinal);
        var repository = schema[start..end]
            .Replace(
                "\n  \"\"\"\n  Indicates that the repository does not have any images in it or has been deleted.\n  \"\"\"\n  published: Boolean\n",
                "\n",
                StringComparison.Ordinal
            )
            .Replace(
                "\n  release_categories: [String]\n",
                "\n  release_categories: [String] @deprecated(reason: \"Use categories\")\n",
                StringComparison.Ordinal
            );
        Assert.NotEqual(schema[start..end], repository);
        schema = schema[..start] + repository + schema[end..];
        schema = schema.Replace(
            "get_repository_by_registry_path(registry: String, repository: String)",
            "get_repository_by_registry_path(registry: String, repository_path: String)",
            StringComparison.Ordinal
        );
        return InputName().Replace(schema, "ContainerImageFilterV2");
    }

    private string Create(string schema)
    {
        var directory = Directory.CreateTempSubdirectory("pyxis-schema-change-").FullName;
        Consumer.WriteNuGetConfig(directory, package);
        File.WriteAllText(
            Path.Combine(directory, "Consumer.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The operation's own use of the deprecated field stays a warning; C# reads of it are the errors. -->
                <WarningsNotAsErrors>PYX032</WarningsNotAsErrors>
                <RootNamespace>Consumer</RootNamespace>
                <PyxisSchema>schema/pyxis.graphql</PyxisSchema>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyxis.Client" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """
        );
        Directory.CreateDirectory(Path.Combine(directory, "schema"));
        File.WriteAllText(Path.Combine(directory, "schema", "pyxis.graphql"), schema);
        Directory.CreateDirectory(Path.Combine(directory, "Pyxis"));
        File.WriteAllText(Path.Combine(directory, "Pyxis", "Ops.graphql"), Operations);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        return directory;
    }

    // Distinct "File(line,col): error ID" entries (MSBuild repeats each in its summary), in file and line order.
    private static List<(string File, int Line, int Column, string Id)> Diagnostics(string output, string severity) =>
        Diagnostic()
            .Matches(output)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m =>
                (
                    Path.GetFileName(m.Groups["file"].Value),
                    int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["id"].Value
                )
            )
            .Distinct()
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ThenBy(d => d.Item2)
            .ToList();

    [GeneratedRegex(@"(?<file>[^\s:]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+)")]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"\bContainerImageFilter\b")]
    private static partial Regex InputName();
}

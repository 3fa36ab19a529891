using System.Text.Json;

namespace Pyxis.Package.Tests;

/// <summary>
/// One consumer with the default schema and a named one (an internal Pyxis with a field the public one lacks), built
/// from the packed package: <c>parent_brew_build</c> compiles in the internal operations and is PYX005 in a public one;
/// then both generated clients, registered in DI, call their own emulator.
/// </summary>
public sealed class SeveralSchemasTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string PublicOperation = """
        query PublicImages($size: Int) {
          find_images(page_size: $size) { data { _id architecture } error { status detail } }
        }
        """;

    private const string Program = """
        using Consumer;
        using Consumer.Internal;
        using Microsoft.Extensions.DependencyInjection;
        using Pyxis.Client;
        using Pyxis.Emulator;

        await using var publicPyxis = await PyxisEmulator.StartAsync();
        await using var internalPyxis = await PyxisEmulator.StartAsync(new EmulatorOptions { Schema = File.ReadAllText(args[0]) });
        var services = new ServiceCollection();
        services.AddPyxisClient(o => o.Endpoint = publicPyxis.Endpoint);
        services.AddPyxisClient<InternalPyxisClient>(o => o.Endpoint = internalPyxis.Endpoint);
        await using var provider = services.BuildServiceProvider();

        var internalClient = provider.GetRequiredService<InternalPyxisClient>();
        var internalImages = await internalClient.InternalImagesAsync(1);
        var parents = await internalClient.ParentBuildsAsync("unknown-nvr");
        var publicImages = await provider.GetRequiredService<IPyxisClient>().PublicImagesAsync(1);
        Console.WriteLine($"internal:{internalImages.Data?.Count} parent:{internalImages.Data?[0]?.ParentBrewBuild ?? "null"} parents:{parents.Data?.Count} requests:{internalPyxis.Stats.Requests}");
        Console.WriteLine($"public:{publicImages.Data?.Count} arch:{publicImages.Data?[0]?.Architecture} requests:{publicPyxis.Stats.Requests}");
        """;

    [Fact]
    public void Parent_brew_build_compiles_in_an_internal_operation_is_PYX005_in_a_public_one_and_both_clients_run()
    {
        var directory = Create();
        try
        {
            var broken = PublicOperation.Replace(
                "data { _id architecture }",
                "data { _id architecture parent_brew_build }",
                StringComparison.Ordinal
            );
            Write(directory, "Pyxis/Public.graphql", broken);
            var (code, output) = DotNet.Run(directory, "build");

            Assert.NotEqual(0, code);
            var column = broken.Split('\n')[1].IndexOf("parent_brew_build", StringComparison.Ordinal) + 1;
            var errors = output
                .Split('\n')
                .Where(l => l.Contains(": error ", StringComparison.Ordinal))
                .Select(l => l[..l.IndexOf(" [", StringComparison.Ordinal)].Trim())
                .Distinct()
                .ToList();
            Assert.True(errors.Count == 1, string.Join("\n", errors));
            var error = errors[0];
            Assert.Contains(
                $"Public.graphql(2,{column}): error PYX005: Field 'parent_brew_build' does not exist",
                error,
                StringComparison.Ordinal
            );

            Write(directory, "Pyxis/Public.graphql", PublicOperation);
            (code, output) = DotNet.Run(directory, $"run -- \"{Path.Combine(directory, "schemas", "internal.graphql")}\"");

            Assert.True(code == 0, output);
            Assert.Contains("internal:1 parent:null parents:0 requests:2", output, StringComparison.Ordinal);
            Assert.Contains("public:1 arch:", output, StringComparison.Ordinal);
            Assert.Contains(
                " requests:1",
                output.Split('\n').Single(l => l.StartsWith("public:", StringComparison.Ordinal)),
                StringComparison.Ordinal
            );
            var manifest = Directory
                .GetFiles(Path.Combine(directory, "obj"), "pyxis-operations.json", SearchOption.AllDirectories)
                .Single();
            var schemas = JsonDocument
                .Parse(File.ReadAllText(manifest))
                .RootElement.GetProperty("operations")
                .EnumerateArray()
                .ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("schema").GetString());
            Assert.Equal("Internal", schemas["InternalImages"]);
            Assert.Equal("Internal", schemas["ParentBuilds"]);
            Assert.Equal("Pyxis", schemas["PublicImages"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_schema_item_without_a_Name_is_PYX036_and_the_default_folder_is_Pyxis_slash_Name()
    {
        var directory = Create("""<PyxisSchema Include="schemas/internal.graphql" />""");
        try
        {
            Write(directory, "Program.cs", "Console.WriteLine(Consumer.Internal.InternalImagesQuery.OperationName);\n");
            var (code, output) = DotNet.Run(directory, "build");

            Assert.NotEqual(0, code);
            Assert.Contains(
                "error PYX036: <PyxisSchema Include=\"schemas/internal.graphql\" /> has no Name",
                output,
                StringComparison.Ordinal
            );

            // Without OperationsFolder the schema's operations are under Pyxis/Internal/, inside the default folder.
            Directory.CreateDirectory(Path.Combine(directory, "Pyxis", "Internal"));
            File.Move(
                Path.Combine(directory, "Operations", "Internal", "Images.graphql"),
                Path.Combine(directory, "Pyxis", "Internal", "Images.graphql")
            );
            Write(directory, "Consumer.csproj", Project("""<PyxisSchema Include="schemas/internal.graphql" Name="Internal" />"""));
            (code, output) = DotNet.Run(directory, "build");

            Assert.True(code == 0, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Create(
        string schemaItem = """<PyxisSchema Include="schemas/internal.graphql" Name="Internal" OperationsFolder="Operations/Internal" />"""
    )
    {
        var directory = Directory.CreateTempSubdirectory("pyxis-two-schemas-").FullName;
        Consumer.WriteNuGetConfig(directory, package);
        Write(directory, "Consumer.csproj", Project(schemaItem));
        Write(directory, "Pyxis/Public.graphql", PublicOperation);
        var bundled = File.ReadAllText(Path.Combine(PackedPackage.Root, "schema", "pyxis.graphql"));
        var internalSchema = bundled.Replace(
            "type ContainerImage {\n",
            "type ContainerImage {\n  parent_brew_build: String\n",
            StringComparison.Ordinal
        );
        Assert.NotEqual(bundled, internalSchema);
        Write(directory, "schemas/internal.graphql", internalSchema);
        Write(
            directory,
            "Operations/Internal/Images.graphql",
            "query InternalImages($size: Int) {\n  find_images(page_size: $size) { data { _id parent_brew_build } error { status detail } }\n}\n"
        );
        Write(
            directory,
            "Freshmaker/Parents.graphql",
            "query ParentBuilds($nvr: String!) {\n  find_images_by_nvr(nvr: $nvr) { data { parent_brew_build } error { status detail } }\n}\n"
        );
        Write(directory, "Program.cs", Program);
        return directory;
    }

    private string Project(string schemaItem) =>
        $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyxis.Client" Version="{package.Version}" />
                <PackageReference Include="Pyxis.Emulator" Version="{package.Version}" />
                {schemaItem}
                <PyxisOperation Include="Freshmaker/Parents.graphql" Schema="Internal" />
              </ItemGroup>
            </Project>
            """;

    private static void Write(string directory, string path, string text)
    {
        var full = Path.Combine(directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}

namespace Pyxis.Package.Tests;

/// <summary>
/// The lambda corpus (<c>Corpus/</c>) as consumer projects of the packed packages: the accepted shapes in one program
/// run against the emulator, the refused ones in one library whose build must fail with their PYX codes.
/// </summary>
internal static class CorpusConsumer
{
    public static string CorpusFolder => Path.Combine(PackedPackage.Root, "tests/Pyxis.Package.Tests/Corpus");

    public static string Create(PackedPackage package, bool accepted)
    {
        var directory = Directory.CreateTempSubdirectory(accepted ? "pyxis-corpus-" : "pyxis-refused-").FullName;
        Consumer.WriteNuGetConfig(directory, package);
        File.WriteAllText(
            Path.Combine(directory, "Corpus.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{(accepted ? "Exe" : "Library")}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Corpus</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyxis.Client" Version="{package.Version}" />
                <PackageReference Include="Pyxis.Emulator" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """
        );
        foreach (var folder in accepted ? new[] { "Harness", "Accepted" } : ["Refused"])
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(CorpusFolder, folder), "*.cs"))
            {
                File.Copy(file, Path.Combine(directory, folder, Path.GetFileName(file)));
            }
        }

        return directory;
    }
}

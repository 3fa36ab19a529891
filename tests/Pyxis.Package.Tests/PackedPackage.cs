namespace Pyxis.Package.Tests;

/// <summary>Packs Pyxis.Client and Pyxis.Emulator once per test run into a private feed, with a version no cache has seen.</summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Feed = Directory.CreateTempSubdirectory("pyxis-feed-").FullName;
        Version = NewVersion();
        var configuration = AppContext.BaseDirectory.Contains(
            $"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}",
            StringComparison.Ordinal
        )
            ? "Release"
            : "Debug";
        foreach (var project in new[] { "src/Pyxis.Client", "src/Pyxis.Emulator" })
        {
            var (code, output) = DotNet.Run(
                Root,
                $"pack {project} --no-build -c {configuration} -o \"{Feed}\" -p:PackageVersion={Version} -p:MinVerVersionOverride={Version}"
            );
            Assert.True(code == 0, output);
        }

        Path = System.IO.Path.Combine(Feed, $"Pyxis.Client.{Version}.nupkg");
        Assert.True(File.Exists(Path), string.Join(", ", Directory.GetFiles(Feed)));
    }

    private static int packs;

    /// <summary>
    /// A version no cache has seen, and no other pack: SchemaChangeTests packs its own beside the collection's, often in the
    /// same millisecond, and other checkouts on the machine share the NuGet cache, where one version means one content.
    /// </summary>
    public static string NewVersion() =>
        $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}.{Environment.ProcessId}.{Interlocked.Increment(ref packs)}";

    /// <summary>The test collection that shares one packed package (packing takes a while).</summary>
    public const string Collection = "Packed package";

    public static string Root => Pyxis.Testing.RepositoryRoot.Path;

    public string Feed { get; }

    public string Version { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Feed, recursive: true);
}

/// <summary>Packs once for every test class that builds consumers from the package.</summary>
[CollectionDefinition(PackedPackage.Collection)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>;

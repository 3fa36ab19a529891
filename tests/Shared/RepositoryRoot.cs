namespace Pyxis.Testing;

/// <summary>The repository checkout (the folder holding PyxisSdk.sln), found from a test or benchmark's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PyxisSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PyxisSdk.sln not found above " + AppContext.BaseDirectory);
    }
}

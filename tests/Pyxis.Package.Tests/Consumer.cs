namespace Pyxis.Package.Tests;

/// <summary>A throwaway project outside the repository (no Directory.Build.*), referencing only the packed package.</summary>
internal static class Consumer
{
    public static string Create(PackedPackage package, string operations)
    {
        var directory = Directory.CreateTempSubdirectory("pyxis-consumer-").FullName;
        WriteNuGetConfig(directory, package);
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
                <AnalysisMode>All</AnalysisMode>
                <RootNamespace>Consumer</RootNamespace>
                <!-- The trimming and AOT analyzers run at build: generated code for a mapped scalar must pass them. -->
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyxis.Client" Version="{package.Version}" />
                <PyxisScalar Include="ObjectIDFilterScalar" Type="Consumer.PyxisObjectId" />
              </ItemGroup>
            </Project>
            """
        );
        // The operations live in the default Pyxis/ folder; other GraphQL documents (another API's client, a schema
        // named like Pyxis's) sit elsewhere and must be left alone.
        Directory.CreateDirectory(Path.Combine(directory, "Pyxis"));
        File.WriteAllText(Path.Combine(directory, "Pyxis", "Operations.graphql"), operations);
        Directory.CreateDirectory(Path.Combine(directory, "OtherApi"));
        File.WriteAllText(Path.Combine(directory, "OtherApi", "pyxis.graphql"), "type Query { weather(city: String!): Float }");
        File.WriteAllText(Path.Combine(directory, "OtherApi", "Weather.graphql"), "query Weather { weather(city: \"Brno\") }");
        // The README's usings plus the project's own namespace: input types must resolve to one type, not CS0104.
        File.WriteAllText(
            Path.Combine(directory, "Program.cs"),
            """
            using System.Globalization;
            using Consumer;
            using Pyxis.Client;
            using Pyxis.Client.Lambdas;

            using var client = new PyxisClient();
            Func<IPyxisClient, string, CancellationToken, Task<LatestUbiQuery.ContainerRepository?>> own = PyxisOperations.LatestUbiAsync;
            var filter = new ContainerImageFilter { Brew = new BrewFilter { Build = new StringFilter { Eq = "ubi9-container-9.4-1" } } };
            Func<Task> ownWithFilter = () => client.OwnImagesAsync(filter);
            Func<Task> curatedWithFilter = () => client.FindImagesAsync(filter);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LatestUbi:{LatestUbiQuery.Document.Split('\n')[0]}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"curated:{GetRepositoryByRegistryPathQuery.OperationName} {own.Method.Name}"));
            var byId = ImageByIdQuery.CreateRequest(new PyxisObjectId("0123456789abcdef01234567"));
            Console.WriteLine("scalar:" + System.Text.Encoding.UTF8.GetString(byId.Variables.Span));
            // A lambda query, intercepted thanks to the package's targets; answered by a canned client (no network).
            var canned = new CannedClient("{\"f0\":{\"data\":{\"repository\":\"ubi9/ubi\"},\"error\":null}}");
            var fromLambda = await canned.QueryAsync(new { Path = "ubi9/ubi" }, static (q, v) => q.GetRepositoryByRegistryPath("registry.access.redhat.com", v.Path, r => r.Data!.Repository)).ConfigureAwait(false);
            Console.WriteLine("lambda:" + fromLambda);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filter:{typeof(ContainerImageFilter).Assembly.GetName().Name} {ownWithFilter.Method.Name.Length > 0} {curatedWithFilter.Method.Name.Length > 0}"));
            """
        );
        File.WriteAllText(
            Path.Combine(directory, "CannedClient.cs"),
            """
            using System.Text;
            using System.Text.Json;
            using Pyxis.Client;

            namespace Consumer;

            /// <summary>Answers every request with one canned data object, read by the request's own reader.</summary>
            internal sealed class CannedClient(string data) : IPyxisClient
            {
                public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(data));
                    reader.Read();
                    return Task.FromResult(request.ReadData(ref reader));
                }
            }
            """
        );
        File.WriteAllText(
            Path.Combine(directory, "PyxisObjectId.cs"),
            """
            using System.Text.Json;
            using Pyxis.Client.Serialization;

            namespace Consumer;

            /// <summary>A Pyxis ObjectID: 24 hex digits.</summary>
            #pragma warning disable CA1515 // public: the generated operation methods, which are public, take it
            public readonly record struct PyxisObjectId(string Hex) : IPyxisScalar<PyxisObjectId>
            #pragma warning restore CA1515
            {
                /// <inheritdoc />
                public static PyxisObjectId ReadJson(ref Utf8JsonReader reader) => new(reader.GetString() ?? string.Empty);

                /// <inheritdoc />
                public void WriteJson(Utf8JsonWriter writer)
                {
                    ArgumentNullException.ThrowIfNull(writer);
                    writer.WriteStringValue(Hex);
                }
            }
            """
        );
        return directory;
    }

    /// <summary>
    /// An app that gets Pyxis.Client only through a library. Its <c>Pyxis/</c> folder holds an operation that does not
    /// match the schema: if anything generated in the app, the build would fail.
    /// </summary>
    public static string CreateTransitive(PackedPackage package)
    {
        var directory = Directory.CreateTempSubdirectory("pyxis-transitive-").FullName;
        WriteNuGetConfig(directory, package);
        Directory.CreateDirectory(Path.Combine(directory, "Lib"));
        File.WriteAllText(
            Path.Combine(directory, "Lib", "Lib.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><PackageReference Include="Pyxis.Client" Version="{package.Version}" /></ItemGroup>
            </Project>
            """
        );
        Directory.CreateDirectory(Path.Combine(directory, "App", "Pyxis"));
        File.WriteAllText(
            Path.Combine(directory, "App", "App.csproj"),
            """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
            </Project>
            """
        );
        File.WriteAllText(Path.Combine(directory, "App", "Pyxis", "NotForPyxis.graphql"), "query NotForPyxis { no_such_field }");
        File.WriteAllText(
            Path.Combine(directory, "App", "Program.cs"),
            "using var client = new Pyxis.Client.PyxisClient();\nConsole.WriteLine(client.Endpoint);\n"
        );
        return directory;
    }

    /// <summary>An xunit test project that references both packages and holds <paramref name="testCode"/>.</summary>
    public static string CreateEmulatorTests(PackedPackage package, string testCode)
    {
        var directory = Directory.CreateTempSubdirectory("pyxis-emulator-tests-").FullName;
        WriteNuGetConfig(directory, package);
        File.WriteAllText(
            Path.Combine(directory, "EmulatorTests.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyxis.Client" Version="{package.Version}" />
                <PackageReference Include="Pyxis.Emulator" Version="{package.Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """
        );
        File.WriteAllText(Path.Combine(directory, "ReleaseGateTests.cs"), testCode);
        return directory;
    }

    internal static void WriteNuGetConfig(string directory, PackedPackage package) =>
        File.WriteAllText(
            Path.Combine(directory, "NuGet.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pyxis-local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """
        );
}

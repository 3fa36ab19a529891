using System.Collections.Concurrent;
using Pyxis.Client.Lambdas;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>
/// A field below the root given a value known only at run time (a captured local, a parameter of the method, a member
/// of v): the value travels as a variable of the operation, never in the document's text, and the answer is the
/// catalog's, against the emulator.
/// </summary>
public sealed class LambdaFieldArgumentTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<EmulatorRequest> received = new();
    private EmulatorSession session = null!;
    private Recording client = null!;

    public async Task InitializeAsync()
    {
        session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                LatencyFor = r =>
                {
                    received.Enqueue(r);
                    return null;
                },
            }
        );
        client = new Recording(session.Client);
    }

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task A_captured_local_is_a_variable_of_the_operation()
    {
        var (id, image) = Image(3);
        var manifest = "manifest-of-" + id;

        var rpms = await client.QueryAsync(q =>
            q.GetImage(id, r => r.Data!.Edges!.RpmManifestWith(manifest, m => m.Data!.Rpms!.Select(x => x!.Name).ToList()))
        );

        Assert.Equal(RpmNames(image), rpms);
        SentAsVariable("id__0_0", manifest);
    }

    [Fact]
    public async Task A_member_of_the_variables_object_is_a_variable_of_the_operation()
    {
        var (id, image) = Image(4);

        var (count, architecture) = await client.QueryAsync(new { Id = id, Manifest = "v-manifest-" + id }, static (q, v) =>
            q.GetImage(v.Id, r => (r.Data!.Edges!.RpmManifestWith(v.Manifest, m => m.Data!.Rpms!.Count), r.Data!.Architecture))
        );

        Assert.Equal((RpmNames(image).Count, (string?)image["architecture"]), (count, architecture));
        SentAsVariable("id__0_0", "v-manifest-" + id);
    }

    [Fact]
    public async Task A_parameter_of_the_method_is_a_variable_and_each_call_sends_its_own()
    {
        var (id, image) = Image(5);

        var first = await ImageIdOf(client, id, "first-" + id);
        SentAsVariable("id__0_0", "first-" + id);
        var second = await ImageIdOf(client, id, "second-" + id);
        SentAsVariable("id__0_0", "second-" + id);

        var manifest = (Dictionary<string, object?>)image["rpm_manifest"]!;
        Assert.Equal((manifest["image_id"], manifest["image_id"]), (first, second));
    }

    private static Task<string?> ImageIdOf(IPyxisClient client, string id, string manifest) =>
        client.QueryAsync(q => q.GetImage(id, r => r.Data?.Edges?.RpmManifestWith(id: manifest, select: m => m.Data!.ImageId)));

    // The last request: its document names the variable and holds no value; the variables and the emulator carry it.
    private void SentAsVariable(string name, string value)
    {
        var request = client.Requests.Last();
        Assert.Contains($"rpm_manifest__with: rpm_manifest(id: ${name})", request.Document, StringComparison.Ordinal);
        Assert.Contains($"${name}: String", request.Document, StringComparison.Ordinal);
        Assert.DoesNotContain(value, request.Document, StringComparison.Ordinal);
        Assert.Contains($"\"{name}\":\"{value}\"", System.Text.Encoding.UTF8.GetString(request.Variables.Span), StringComparison.Ordinal);
        Assert.Equal(value, received.Last().Variable(name));
    }

    private (string Id, Dictionary<string, object?> Image) Image(int index)
    {
        var image = session.Emulator.Catalog.Images[index];
        return ((string)image["_id"]!, image);
    }

    private static List<string?> RpmNames(Dictionary<string, object?> image) =>
        ((List<object?>)((Dictionary<string, object?>)image["rpm_manifest"]!)["rpms"]!)
            .Select(r => (string?)((Dictionary<string, object?>)r!)["name"])
            .ToList();

    private sealed class Recording(IPyxisClient inner) : IPyxisClient
    {
        public ConcurrentQueue<PyxisRequest> Requests { get; } = new();

        public Task<TData> ExecuteAsync<TData>(PyxisRequest<TData> request, CancellationToken cancellationToken = default)
        {
            Requests.Enqueue(request);
            return inner.ExecuteAsync(request, cancellationToken);
        }
    }
}

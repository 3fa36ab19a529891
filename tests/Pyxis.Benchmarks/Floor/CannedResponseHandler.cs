using System.Net;
using System.Net.Http.Headers;

namespace Pyxis.Benchmarks.Floor;

/// <summary>
/// Answers every request with the same bytes after reading the request body, so a benchmark measures the
/// client's own cost (building, sending, reading) and no network or server.
/// </summary>
internal sealed class CannedResponseHandler(byte[] response) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
        var content = new ByteArrayContent(response);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

using System.Diagnostics;
using Pyxis.Emulator;

namespace Pyxis.Client.Tests;

/// <summary>Streaming all pages: one request per page, a bounded window, early stop, both orders.</summary>
public sealed class PaginationTests
{
    [Fact]
    public async Task N_pages_cost_N_requests_in_page_order_with_at_most_MaxConcurrency_in_flight()
    {
        // The first page comes alone (it tells how many there are); of the others at least two at once, however slowly sent.
        var crowd = new Crowd(2);
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions
            {
                Latency = TimeSpan.FromMilliseconds(40),
                AnswerWhen = (r, ct) => r.Variable("page") == "0" ? Task.CompletedTask : crowd.WaitAsync(ct),
            }
        );

        var images = await session.Client.FindImagesAllAsync(pageSize: 50, paging: new PyxisPaging { MaxConcurrency = 3 }).ToListAsync();

        Assert.Equal(session.Catalog().Images.Ids(), images.Select(i => i!.Id));
        Assert.Equal(600 / 50, session.Emulator.Stats.Requests);
        Assert.InRange(session.Emulator.Stats.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task The_unordered_variant_yields_each_page_as_it_arrives()
    {
        // Page 1 is held until every other page has been yielded: in arrival order its items come last.
        var gates = new ResponseGates();
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { AnswerWhen = (r, ct) => r.Variable("page") == "1" ? gates.WaitAsync("page 1", ct) : Task.CompletedTask }
        );

        var images = new List<FindImagesQuery.ContainerImage?>();
        await foreach (
            var image in session.Client.FindImagesAllAsync(pageSize: 100, paging: new PyxisPaging { MaxConcurrency = 6, Ordered = false })
        )
        {
            images.Add(image);
            if (images.Count == 500)
            {
                gates.Release("page 1");
            }
        }

        var ids = session.Catalog().Images.Ids().ToList();
        Assert.Equal(ids.Order(), images.Select(i => i!.Id!).Order());
        Assert.Equal(ids.Skip(100).Take(100), images.Skip(500).Select(i => i!.Id));
    }

    [Fact]
    public async Task Stopping_early_cancels_the_pages_still_in_flight()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { LatencyFor = r => r.Variable("page") == "0" ? TimeSpan.Zero : Hang.ServerDelay },
            Hang.ServerDelay
        );
        var clock = Stopwatch.StartNew();

        await foreach (var image in session.Client.FindImagesAllAsync(pageSize: 10, paging: new PyxisPaging { MaxConcurrency = 4 }))
        {
            Assert.NotNull(image);
            break;
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Hang.Limit);
        Assert.InRange(session.Emulator.Stats.Requests, 1, 5);
    }

    [Fact]
    public async Task Without_total_pages_are_read_in_turn_and_a_short_page_ends_without_an_empty_request()
    {
        await using var session = await EmulatorSession.StartAsync();

        var images = await session.Client.FindImagesWithoutTotalAllAsync(pageSize: 70).ToListAsync();

        Assert.Equal(600, images.Count);
        Assert.Equal(9, session.Emulator.Stats.Requests); // 8 full pages of 70, then 40
        Assert.Equal(1, session.Emulator.Stats.MaxInFlight);
    }

    [Fact]
    public async Task A_failing_page_fails_the_stream_with_its_exception()
    {
        await using var session = await EmulatorSession.StartAsync(
            new EmulatorOptions { FaultFor = r => r.Variable("page") == "2" ? new EmulatorFault.PyxisError(500, "boom") : null }
        );

        var error = await Assert.ThrowsAsync<PyxisException>(() => session.Client.FindImagesAllAsync(pageSize: 100).ToListAsync());

        Assert.Equal(500, error.Status);
        Assert.Contains("\"page\":2", error.Variables, StringComparison.Ordinal);
    }
}

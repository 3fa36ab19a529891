namespace Pyxis.Emulator;

/// <summary>
/// Random faults at given rates, drawn from a seeded source so a run can be repeated. Each request draws
/// once: the rates add up to the share of requests that fail.
/// </summary>
public sealed class EmulatorFaultPlan
{
    private readonly Random random;
    private readonly (double Rate, Func<EmulatorFault> Fault)[] faults;

    /// <summary>Creates a plan; rates are fractions of requests (0.1 = 10 %).</summary>
    public EmulatorFaultPlan(
        int seed = 7,
        double serverErrors = 0,
        double tooManyRequests = 0,
        double connectionResets = 0,
        double malformedJson = 0,
        double graphQLErrors = 0,
        double serverTimeouts = 0,
        TimeSpan? retryAfter = null,
        double truncatedBodies = 0,
        double slowBodies = 0
    )
    {
        random = new Random(seed);
        var after = retryAfter ?? TimeSpan.FromSeconds(1);
        var statuses = new[] { 500, 502, 503 };
        var index = 0;
        faults =
        [
            (serverErrors, () => new EmulatorFault.HttpStatus(statuses[index++ % statuses.Length])),
            (tooManyRequests, () => new EmulatorFault.HttpStatus(429, after)),
            (connectionResets, () => new EmulatorFault.ConnectionReset()),
            (malformedJson, () => new EmulatorFault.MalformedJson()),
            (graphQLErrors, () => new EmulatorFault.GraphQLError("injected GraphQL error")),
            (serverTimeouts, () => new EmulatorFault.PyxisError(500, Schema.RootResolvers.ServerTimeoutDetail)),
            (truncatedBodies, () => new EmulatorFault.TruncatedBody()),
            (slowBodies, () => new EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(50))),
        ];
        if (faults.Sum(f => f.Rate) > 1)
        {
            throw new ArgumentException("Fault rates add up to more than 1.");
        }
    }

    /// <summary>A plan that fails <paramref name="rate"/> of requests, mixed like a bad day at Pyxis.</summary>
    public static EmulatorFaultPlan Mixed(double rate, int seed = 7) =>
        new(
            seed,
            serverErrors: rate * 0.4,
            tooManyRequests: rate * 0.2,
            connectionResets: rate * 0.1,
            malformedJson: rate * 0.05,
            serverTimeouts: rate * 0.1,
            truncatedBodies: rate * 0.1,
            slowBodies: rate * 0.05
        );

    /// <summary>The fault for the next request, or null; use as <see cref="EmulatorOptions.FaultFor"/>.</summary>
    public EmulatorFault? Next(EmulatorRequest request)
    {
        double draw;
        lock (random)
        {
            draw = random.NextDouble();
        }

        foreach (var (rate, fault) in faults)
        {
            if (draw < rate)
            {
                lock (random)
                {
                    return fault();
                }
            }

            draw -= rate;
        }

        return null;
    }
}

namespace Pyxis.Client.Tests;

/// <summary>
/// Time bounds that only stop a hang. A loaded CI machine (2 cores, every test project at once) can take seconds for what
/// takes milliseconds here, so a test never bounds how fast something is; where it must tell "promptly" from "after a
/// server's delay", the delay is <see cref="ServerDelay"/>, far beyond <see cref="Limit"/>.
/// </summary>
internal static class Hang
{
    /// <summary>How long a test waits for something that should happen at once before it fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A server delay that a correct client never waits out: cancelled or abandoned long before. The client under test must
    /// allow as long (its <c>Timeout</c>), or its own timeout would end the wait and hide a client that never cancels.
    /// </summary>
    public static readonly TimeSpan ServerDelay = TimeSpan.FromMinutes(3);
}

namespace Pyxis.Client;

/// <summary>Identical queries in flight together (<see cref="PyxisClientOptions.Coalescing"/>).</summary>
public sealed class PyxisCoalescingOptions : PyxisOptionGroup
{
    internal PyxisCoalescingOptions(PyxisClientOptions owner)
        : base(owner, nameof(PyxisClientOptions.Coalescing)) { }

    /// <summary>
    /// Whether identical queries (same document, same variables) in flight together share one request. Mutations are never
    /// shared. A caller who cancels stops only its own wait; the shared request is cancelled when every caller waiting for it
    /// has left, and a failure reaches every caller as its own exception. Shared by every client made from the options object.
    /// </summary>
    /// <value>The default is true.</value>
    public bool Enabled
    {
        get;
        set => field = Thawed(value);
    } = true;

    internal override IEnumerable<string> Problems() => [];
}

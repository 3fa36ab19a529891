namespace Pyxis.Client;

/// <summary>
/// One concern of <see cref="PyxisClientOptions"/> (timeouts, retry, breaker, cache, limits, TLS, coalescing): plain data
/// that, like the rest of the options, cannot change once a client uses them.
/// </summary>
public abstract class PyxisOptionGroup
{
    private readonly PyxisClientOptions owner;
    private readonly string name;

    private protected PyxisOptionGroup(PyxisClientOptions owner, string name)
    {
        this.owner = owner;
        this.name = name;
    }

    /// <summary>The value to store, once it is known the options may still change.</summary>
    private protected T Thawed<T>(T value, [System.Runtime.CompilerServices.CallerMemberName] string option = "")
    {
        owner.ThrowIfFrozen(name + "." + option);
        return value;
    }

    /// <summary>Every setting of this group that cannot work, as messages that name it.</summary>
    internal abstract IEnumerable<string> Problems();

    /// <summary><c>PyxisClientOptions.Group.Option</c>, as messages name an option.</summary>
    private protected string Named(string option) => $"PyxisClientOptions.{name}.{option}";

    private protected static bool IsPositiveOrInfinite(TimeSpan value) =>
        value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan;
}

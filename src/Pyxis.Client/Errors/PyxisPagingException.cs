namespace Pyxis.Client;

/// <summary>
/// A paged stream stopped because the pages contradict themselves: a page before the promised last one came back
/// empty (the <c>total</c> lied), or the stream passed <see cref="PyxisPaging.MaxPages"/>.
/// </summary>
public sealed class PyxisPagingException : PyxisException
{
    internal PyxisPagingException(string operationName, string message)
        : base(operationName, message) { }
}

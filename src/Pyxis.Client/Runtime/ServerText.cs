namespace Pyxis.Client.Runtime;

/// <summary>
/// Text that came from the server, cut to a size fit for a message or a log line: a hostile or broken server must
/// not turn a 50 MB error string into a 50 MB exception.
/// </summary>
internal static class ServerText
{
    /// <summary>The most characters kept of one server-supplied text.</summary>
    public const int MaxChars = 4096;

    /// <summary>The most GraphQL errors kept of one response; the rest are only counted.</summary>
    public const int MaxErrors = 50;

    /// <summary>The most errors spelled out in an exception message.</summary>
    public const int MaxErrorsInMessage = 5;

    /// <summary>
    /// <paramref name="text"/> with the call's secrets hidden, then cut: hidden first, so a cut that falls inside a
    /// secret leaves no half of it behind. Only the head that can survive the cut is searched (with room for the longest
    /// way a secret may be quoted), so a 50 MB message costs no 50 MB search.
    /// </summary>
    public static string? HiddenAndCapped(in PyxisCall call, string? text, int maxChars = MaxChars)
    {
        var window = 2 * maxChars + 65_536;
        if (text is null || text.Length <= window)
        {
            return Cap(call.Redact(text), maxChars);
        }

        var head = call.Redact(text[..window])!;
        return string.Concat(head.AsSpan(0, Math.Min(head.Length, maxChars)), $"… ({text.Length - maxChars} more characters)");
    }

    public static string? Cap(string? text, int maxChars = MaxChars) =>
        text is null || text.Length <= maxChars
            ? text
            : string.Concat(text.AsSpan(0, maxChars), $"… ({text.Length - maxChars} more characters)");
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pyxis.Client.Runtime;

/// <summary>The texts to hide in server text about a request: the API key and every value of its secret variables.</summary>
internal static class Redaction
{
    /// <summary>
    /// <paramref name="text"/> with every secret replaced by <c>***</c>, however the server quoted it: as is, or with any of
    /// its characters JSON-escaped (<c>\"</c>, <c>\n</c>, <c>\u00e4</c> or <c>\u00E4</c>, some or all of them).
    /// </summary>
    public static string Hide(string text, PyxisRequest request, RequestSecrets secrets)
    {
        var values = SecretValues(request, secrets);
        if (values.Length == 0)
        {
            return text;
        }

        // Longest first, so a longer secret is never half-hidden by a shorter one. No nested repetition, so no runaway
        // backtracking: no timeout that could throw out of an exception's constructor.
        var pattern = string.Join("|", values.Select(Pattern));
        return Regex.Replace(text, pattern, "***", RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
    }

    /// <summary>Each secret's value, longest first.</summary>
    private static string[] SecretValues(PyxisRequest request, RequestSecrets secrets)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (secrets.ApiKey is { Length: > 0 } apiKey)
        {
            Add(values, apiKey);
        }

        if (secrets.Variables.Count > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(request.Variables);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (IsSecret(secrets.Variables, property.Name))
                    {
                        AddLeaves(values, property.Value);
                    }
                }
            }
            catch (JsonException)
            {
                // Variables the client wrote are JSON; a request built by hand with broken variables has nothing to find.
            }
        }

        return values.OrderByDescending(v => v.Length).ToArray();
    }

    /// <summary>The variables as JSON text with the value of each secret one replaced by <c>***</c>.</summary>
    public static string Variables(ReadOnlyMemory<byte> variables, ISet<string> secrets)
    {
        using var document = JsonDocument.Parse(variables);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (IsSecret(secrets, property.Name))
                {
                    writer.WriteString(property.Name, "***");
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Alias batches rename variables name__0, name__1…; a secret stays secret under its batch name.
    // A variable keeps its secrecy under every numbered rename: token__3 in an alias batch, token__0 in a lambda query,
    // token__0__3 in a batched lambda query.
    public static bool IsSecret(ISet<string> secrets, string name)
    {
        for (string? candidate = name; candidate is not null; candidate = Batching.AliasNaming.WithoutIndex(candidate))
        {
            if (secrets.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddLeaves(HashSet<string> values, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Add(values, value.GetString()!);
                break;
            case JsonValueKind.Number:
                Add(values, value.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddLeaves(values, item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    AddLeaves(values, property.Value);
                }

                break;
        }
    }

    private static void Add(HashSet<string> values, string secret)
    {
        if (secret.Length > 0)
        {
            values.Add(secret);
        }
    }

    // Each character as itself or as any JSON escape of it.
    private static string Pattern(string secret)
    {
        var pattern = new StringBuilder("(?:");
        foreach (var c in secret)
        {
            pattern.Append("(?:").Append(Regex.Escape(c.ToString())).Append("|\\\\u");
            foreach (var digit in ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))
            {
                pattern.Append(char.IsAsciiLetter(digit) ? $"[{digit}{char.ToUpperInvariant(digit)}]" : digit.ToString());
            }

            if (ShortEscape(c) is { } escape)
            {
                pattern.Append("|\\\\").Append(Regex.Escape(escape.ToString()));
            }

            pattern.Append(')');
        }

        return pattern.Append(')').ToString();
    }

    private static char? ShortEscape(char c) =>
        c switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => null,
        };
}

/// <summary>What a request must hide: the names of its secret variables and the API key it is sent with.</summary>
internal sealed record RequestSecrets(ISet<string> Variables, string? ApiKey);

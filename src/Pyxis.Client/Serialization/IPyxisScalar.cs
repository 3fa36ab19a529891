using System.Text.Json;

namespace Pyxis.Client.Serialization;

/// <summary>
/// A C# struct that stands for a custom GraphQL scalar (for example <c>ObjectIDFilterScalar</c>). Map it with
/// <c>&lt;PyxisScalar Include="ObjectIDFilterScalar" Type="MyApp.ObjectId" /&gt;</c>; generated readers and writers
/// call these members directly (static abstract: no reflection, trimming and NativeAOT safe).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IPyxisScalar<TSelf>
    where TSelf : struct, IPyxisScalar<TSelf>
{
    /// <summary>Reads the value the reader stands on (never a JSON null: that is the C# <c>null</c> of <c>TSelf?</c>).</summary>
    /// <exception cref="JsonException">The value is not a valid <typeparamref name="TSelf"/>.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes the value as the scalar's JSON.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

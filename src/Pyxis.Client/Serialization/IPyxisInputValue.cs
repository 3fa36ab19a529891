using System.Text.Json;

namespace Pyxis.Client.Serialization;

/// <summary>A generated input object that writes itself as a GraphQL variable value.</summary>
public interface IPyxisInputValue
{
    /// <summary>Writes the value as a JSON object, leaving out unset fields.</summary>
    void WriteTo(Utf8JsonWriter writer);
}

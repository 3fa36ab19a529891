namespace Pyxis.Client.Serialization;

/// <summary>A response value did not match the schema; the client rethrows it as <see cref="PyxisResponseException"/>.</summary>
public sealed class PyxisJsonException(string message) : Exception(message);

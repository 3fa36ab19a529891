namespace Pyxis.Client.SchemaCheck;

/// <summary>
/// The schema check could not run: a schema that is not valid SDL, a manifest that is not the manifest format, an
/// operations folder that does not exist. The message names what was wrong and where.
/// </summary>
public sealed class PyxisSchemaCheckException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public PyxisSchemaCheckException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public PyxisSchemaCheckException(string message, Exception innerException)
        : base(message, innerException) { }
}

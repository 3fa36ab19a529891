namespace Pyxis.Client.Batching;

/// <summary>
/// A generated operation's single root field, ready to be repeated under aliases (<c>r0: …, r1: …</c>) in one
/// document. Generated as <c>{Operation}Query.Aliased</c>; run it with <see cref="PyxisAliasBatch"/>.
/// </summary>
/// <typeparam name="TField">The root field's value as read from the response.</typeparam>
/// <typeparam name="TResult">What the typed method returns for one lookup.</typeparam>
public sealed class PyxisAliasTemplate<TField, TResult>
{
    /// <summary>Created by generated code; <paramref name="check"/> is the root field's envelope, checked per lookup inside the batch.</summary>
    public PyxisAliasTemplate(
        string operationName,
        string[] variableNames,
        string[] variableTypes,
        string fieldTemplate,
        string fragments,
        PyxisDataReader<TField> readField,
        Func<PyxisRequest, TField, TResult> toResult,
        PyxisRootCheck<TField>? check = null
    )
    {
        Check = check;
        OperationName = operationName;
        VariableNames = variableNames;
        VariableTypes = variableTypes;
        FieldTemplate = fieldTemplate;
        Fragments = fragments;
        ReadField = readField;
        ToResult = toResult;
    }

    /// <summary>The single operation this template repeats.</summary>
    public string OperationName { get; }

    internal string[] VariableNames { get; }

    internal string[] VariableTypes { get; }

    internal string FieldTemplate { get; }

    internal string Fragments { get; }

    internal PyxisDataReader<TField> ReadField { get; }

    internal Func<PyxisRequest, TField, TResult> ToResult { get; }

    /// <summary>The root field's envelope check, applied to each lookup's answer with the batch call's status and trace id.</summary>
    internal PyxisRootCheck<TField>? Check { get; }
}

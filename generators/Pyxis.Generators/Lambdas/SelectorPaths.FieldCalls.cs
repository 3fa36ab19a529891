using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Pyxis.Generators.Diagnostics;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Lambdas;

/// <summary>
/// Fields below the root read with arguments: <c>e.RpmManifestWith(id: "x", select: m => m.Data)</c>. The field is
/// asked under an alias of its own (<c>rpm_manifest__with: rpm_manifest(id: $id__0_0)</c>) and the select lambda's
/// parameter stands for its value. A selector runs only over the answer, after the request is sent, so what it
/// computes cannot be an argument: the arguments are constants (literals, consts, null) or values known before the
/// request (SelectorPaths.Hoisting), sent as variables.
/// </summary>
internal sealed partial class SelectorPaths
{
    /// <summary>The step marking a field read with arguments (<c>rpm_manifest@</c>).</summary>
    public const string WithArguments = "@";

    private readonly Dictionary<InvocationExpressionSyntax, string?> fieldCalls = new();

    private readonly Dictionary<string, EquatableArray<FieldArgument>> fieldArguments = new(System.StringComparer.Ordinal);

    /// <summary>The constants given to each field read with arguments, by the path of its step.</summary>
    public IReadOnlyDictionary<string, EquatableArray<FieldArgument>> FieldArguments => fieldArguments;

    // The path of the field a field method reads (its select lambda's parameter bound to it), or null for another call.
    private string? FieldCall(InvocationExpressionSyntax invocation, string? receiver)
    {
        // The walk and the path of an enclosing expression both come here: read each call once.
        if (fieldCalls.TryGetValue(invocation, out var known))
        {
            return known;
        }

        var path = ReadFieldCall(invocation, receiver);
        fieldCalls[invocation] = path;
        return path;
    }

    private string? ReadFieldCall(InvocationExpressionSyntax invocation, string? receiver)
    {
        if (
            receiver is null or NullValue
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || LambdaReader.FieldName(method) is not { } field
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
        )
        {
            return null;
        }

        var path = (receiver.Length == 0 ? string.Empty : receiver + "/") + field + WithArguments;
        var given = new List<FieldArgument>();
        foreach (var argument in operation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue))
        {
            var expression = (argument.Syntax as ArgumentSyntax)?.Expression;
            if (argument.Parameter?.Name == "select" || expression is null)
            {
                if (LambdaShapes.Parameters(expression) is [var select])
                {
                    Bind(select, path);
                }

                continue;
            }

            if (Constant(expression) is { } json)
            {
                given.Add(new FieldArgument(argument.Parameter!.Ordinal, json.Length == 0 ? null : json));
            }
            else if (DataIn(expression, invocation) is { } data)
            {
                Refuse(
                    expression,
                    field,
                    data
                        + "; pass a value known before the request (a constant, a local or parameter of the method, a member of v), or ask for the object through a root field of its own and pass the value there"
                );
            }
            else if (NotHoistable(invocation, expression.ToString()) is { } why)
            {
                Refuse(expression, field, why);
            }
            else
            {
                // Read at run time, before the request: every argument of this call is then written by its method.
                given.Add(new FieldArgument(argument.Parameter!.Ordinal, null) { Hoisted = true });
                HoistedPath = path;
            }
        }

        var arguments = given.ToEquatableArray();
        if (fieldArguments.TryGetValue(path, out var earlier) && !earlier.Equals(arguments))
        {
            Refuse(invocation, field, "it is read twice on one object with different arguments; read it once and keep the value");
        }

        fieldArguments[path] = arguments;
        paths.Add(path);
        return path;
    }

    private void Refuse(SyntaxNode at, string field, string why) =>
        diagnostics.Add(LambdaReader.Report(DiagnosticCatalog.LambdaFieldArguments, at, field, why));

    // The constant as JSON ("" for null), or null when the expression is not a constant the document can take.
    private string? Constant(ExpressionSyntax expression)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        if (!constant.HasValue)
        {
            return null;
        }

        return constant.Value switch
        {
            null => string.Empty,
            string text => Json(text),
            bool flag => flag ? "true" : "false",
            int or long or short or byte or uint or ulong or ushort or sbyte => System.Convert.ToString(
                constant.Value,
                CultureInfo.InvariantCulture
            ),
            double or float or decimal => System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string Json(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }
}

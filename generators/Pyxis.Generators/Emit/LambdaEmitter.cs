using System.Linq;
using Pyxis.Generators.Model;

namespace Pyxis.Generators.Emit;

/// <summary>
/// Writes the interceptor for one translated <c>QueryAsync</c> call: run the lambda once to record its root fields'
/// arguments (the variables), send the checked document through the client, run it again over the answer.
/// </summary>
internal static class LambdaEmitter
{
    public const string Namespace = "Pyxis.Generated.Lambdas";

    public static string Emit(LambdaSpec spec)
    {
        var mutation = spec.Call.Kind == LambdaKind.Mutation;
        var query = $"global::{spec.SurfaceNamespace}.{(mutation ? "PyxisMutation" : "PyxisQuery")}";
        if (spec.Call.Forwards)
        {
            return EmitForwarder(spec, query);
        }

        var w = new SourceWriter().Header();
        w.Open($"namespace {Namespace}");
        w.Line(
            $"/// <summary>The lambda query at {System.IO.Path.GetFileName(spec.Call.FilePath)}({spec.Call.Location.Line + 1},{spec.Call.Location.Column + 1}).</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Open($"internal static class {spec.ClassName}");
        w.Line("/// <summary>The document sent: every argument a variable, only the fields the selectors read.</summary>");
        w.Line($"public const string Document = {Names.Literal(spec.Document)};");
        w.Line();
        w.Line("[global::System.ThreadStatic]");
        w.Line($"private static {query}? recorder;");
        w.Line();
        w.Line($"[global::System.Runtime.CompilerServices.InterceptsLocation({spec.Call.Version}, {Names.Literal(spec.Call.Data)})]");
        if (spec.Call.Kind == LambdaKind.Each)
        {
            WriteEach(w, spec, query);
        }
        else if (spec.Call.Kind == LambdaKind.All)
        {
            WriteAll(w, spec, query);
        }
        else if (spec.Call.Wrapper is { } wrapper)
        {
            WrapperEmitter.Write(w, spec, wrapper, query);
        }
        else if (spec.Call.WithoutVariables)
        {
            // No variables object: the lambda itself travels as the variables of the shared path (a static adapter, no closure).
            w.Open(
                $"public static async global::System.Threading.Tasks.Task<TResult> {(mutation ? "MutateAsync" : "QueryAsync")}<TResult>(this {TypeNames.Runtime}.IPyxisClient client, global::System.Func<{query}, TResult> query, global::System.Threading.CancellationToken cancellationToken = default)"
            );
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(query);");
            w.Line(
                "var answer = await client.ExecuteAsync(Request(query, static (root, lambda) => lambda(root)), cancellationToken).ConfigureAwait(false);"
            );
            w.Line("return query(answer);");
            w.Close();
        }
        else
        {
            w.Open(
                $"public static async global::System.Threading.Tasks.Task<TResult> {(mutation ? "MutateAsync" : "QueryAsync")}<TVars, TResult>(this {TypeNames.Runtime}.IPyxisClient client, TVars vars, global::System.Func<{query}, TVars, TResult> query, global::System.Threading.CancellationToken cancellationToken = default)"
            );
            w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
            w.Line("var answer = await client.ExecuteAsync(Request(vars, query), cancellationToken).ConfigureAwait(false);");
            w.Line("return query(answer, vars);");
            w.Close();
        }

        w.Line();
        w.Open(
            $"private static {TypeNames.Runtime}.PyxisRequest<{query}> Request<TVars, TResult>(TVars vars, global::System.Func<{query}, TVars, TResult> query)"
        );
        w.Line("global::System.ArgumentNullException.ThrowIfNull(query);");
        // The recording run is synchronous, so one recording root per thread serves every call.
        w.Line($"var recording = recorder ?? {query}.Recording({spec.Roots.Count});");
        w.Line("recorder = null;");
        w.Open("try");
        w.Line("recording.BeginRecording();");
        HoistEmitter.Start(w, spec);
        w.Line("query(recording, vars);");
        // Arguments of fields below the root: constants, read at build time.
        for (var i = 0; i < spec.ConstantNames.Count; i++)
        {
            if (spec.ConstantsJson[i].Json is { } json)
            {
                w.Line($"recording.RecordConstant({Names.Literal(spec.ConstantNames[i])}u8, {Names.Literal(json)}u8);");
            }
        }

        w.Line(
            $"return new {TypeNames.Runtime}.PyxisRequest<{query}>({Names.Literal(spec.OperationName)}, Document, recording.EndRecording(), Read)"
        );
        // With data and errors, the exception carries the lambda's own result over what came, not the query root.
        w.Line("{ ProjectPartialData = answer => query(answer, vars) };");
        w.Close();
        w.Open("finally");
        w.Line("recording.Reset();");
        w.Line("recorder = recording;");
        w.Close();
        w.Close();
        w.Line();
        WriteReader(w, spec, query);
        ProjectionEmitter.Write(w, spec);
        HoistEmitter.Write(w, spec);
        w.Close();
        w.Close();
        WriteInterceptsLocationAttribute(w);
        if (spec.Manifest is { } part)
        {
            ManifestEmitter.WritePart(w, part);
        }

        return w.ToString();
    }

    // A [PyxisQueryWrapper]'s own QueryAsync(query): send the query its caller's interceptor translated.
    private static string EmitForwarder(LambdaSpec spec, string query)
    {
        var w = new SourceWriter().Header();
        w.Open($"namespace {Namespace}");
        w.Line(
            $"/// <summary>The query wrapper's QueryAsync at {System.IO.Path.GetFileName(spec.Call.FilePath)}({spec.Call.Location.Line + 1},{spec.Call.Location.Column + 1}).</summary>"
        );
        w.Line(TypeNames.GeneratedCode);
        w.Open($"internal static class {spec.ClassName}");
        w.Line($"[global::System.Runtime.CompilerServices.InterceptsLocation({spec.Call.Version}, {Names.Literal(spec.Call.Data)})]");
        if (spec.Call.WithoutVariables)
        {
            w.Line(
                $"public static global::System.Threading.Tasks.Task<TResult> QueryAsync<TResult>(this {TypeNames.Runtime}.IPyxisClient client, global::System.Func<{query}, TResult> query, global::System.Threading.CancellationToken cancellationToken = default)"
            );
            w.Line($"    => {TypeNames.Runtime}.Lambdas.PyxisTranslatedQuery<TResult>.RunAsync(client, query, cancellationToken);");
        }
        else
        {
            w.Line(
                $"public static global::System.Threading.Tasks.Task<TResult> QueryAsync<TVars, TResult>(this {TypeNames.Runtime}.IPyxisClient client, TVars vars, global::System.Func<{query}, TVars, TResult> query, global::System.Threading.CancellationToken cancellationToken = default)"
            );
            w.Line(
                $"    => {TypeNames.Runtime}.Lambdas.PyxisTranslatedQuery<TVars, TResult>.RunAsync(client, vars, query, cancellationToken);"
            );
        }
        w.Close();
        w.Close();
        WriteInterceptsLocationAttribute(w);
        return w.ToString();
    }

    private static void WriteInterceptsLocationAttribute(SourceWriter w)
    {
        w.Line();
        w.Open("namespace System.Runtime.CompilerServices");
        w.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Method, AllowMultiple = true)]");
        w.Open("file sealed class InterceptsLocationAttribute : global::System.Attribute");
        w.Line("public InterceptsLocationAttribute(int version, string data) { }");
        w.Close();
        w.Close();
    }

    // QueryAllAsync: the lambda per page (its PyxisPage argument picks the page), streamed by PyxisPagination.
    private static void WriteAll(SourceWriter w, LambdaSpec spec, string query)
    {
        var lambdas = TypeNames.Runtime + ".Lambdas";
        var result = TypeNames.Of(
            spec.Roots[0].Result with
            {
                Nullable = false,
            },
            spec.TypesNamespace,
            "global::" + spec.SurfaceNamespace,
            input: false
        );
        w.Open(
            $"public static global::System.Collections.Generic.IAsyncEnumerable<TItem> QueryAllAsync<TVars, TItem>(this {TypeNames.Runtime}.IPyxisClient client, TVars vars, global::System.Func<{query}, TVars, {lambdas}.PyxisPage, global::System.Collections.Generic.IEnumerable<TItem>?> query, int pageSize = 100, {TypeNames.Runtime}.PyxisPaging? paging = null, global::System.Threading.CancellationToken cancellationToken = default)"
        );
        w.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(query);");
        w.Line($"return {TypeNames.Runtime}.PyxisPagination.StreamAsync<({query} Answer, {lambdas}.PyxisPage Page), TItem>(");
        w.Line("    client,");
        w.Open(
            $"    async ({TypeNames.Runtime}.IPyxisClient pageClient, {lambdas}.PyxisPage page, global::System.Threading.CancellationToken token) =>"
        );
        w.Line("var answer = await pageClient.ExecuteAsync(Request(vars, (q, v) => query(q, v, page)), token).ConfigureAwait(false);");
        w.Line("return (answer, page);");
        w.Close(",");
        w.Line(
            "    p => query(p.Answer, vars, p.Page) is { } items ? items as global::System.Collections.Generic.IReadOnlyList<TItem> ?? global::System.Linq.Enumerable.ToList(items) : null,"
        );
        w.Line(spec.TotalProperty is { } total ? $"    p => p.Answer.AnswerAt(0) is {result} r ? r.{total} : null," : "    null,");
        w.Line("    pageSize,");
        w.Line("    paging,");
        w.Line("    cancellationToken);");
        w.Close();
    }

    // QueryEachAsync: the one root field as an alias template; each input's request is remembered to project its answer.
    private static void WriteEach(SourceWriter w, LambdaSpec spec, string query)
    {
        var root = spec.Roots[0];
        var field = TypeNames.Nullable(root.Result, spec.TypesNamespace, "global::" + spec.SurfaceNamespace, input: false);
        var batching = TypeNames.Runtime + ".Batching";
        w.Open(
            $"public static global::System.Collections.Generic.IAsyncEnumerable<{batching}.BatchItem<TVars, TResult>> QueryEachAsync<TVars, TResult>(this {TypeNames.Runtime}.IPyxisClient client, global::System.Collections.Generic.IEnumerable<TVars> inputs, global::System.Func<{query}, TVars, TResult> query, {batching}.BatchOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)"
        );
        w.Line("global::System.ArgumentNullException.ThrowIfNull(query);");
        w.Line(
            $"var inputsOf = new global::System.Runtime.CompilerServices.ConditionalWeakTable<{TypeNames.Runtime}.PyxisRequest, global::System.Runtime.CompilerServices.StrongBox<TVars>>();"
        );
        w.Line($"var template = new {batching}.PyxisAliasTemplate<{field}, TResult>(");
        w.Line($"    {Names.Literal(spec.OperationName)},");
        w.Line($"    new string[] {{ {string.Join(", ", root.Variables.Select(v => Names.Literal(v.Name)))} }},");
        w.Line($"    new string[] {{ {string.Join(", ", spec.AliasVariableTypes.Select(Names.Literal))} }},");
        w.Line($"    {Names.Literal(spec.AliasField)},");
        w.Line("    string.Empty,");
        w.Line($"    static (ref {TypeNames.Reader} reader) => {JsonCode.Read(root.Result, "reader", root.Field, spec.TypesNamespace)},");
        w.Line(
            $"    (request, value) => query({query}.Answered(new object?[] {{ value }}), inputsOf.TryGetValue(request, out var box) ? box.Value! : throw new global::System.InvalidOperationException(\"A batched answer came for a request this batch did not make.\")));"
        );
        w.Open($"return {batching}.PyxisAliasBatch.ExecuteAliasedAsync(client, template, inputs, input =>");
        w.Line("var request = Request(input, query);");
        w.Line("inputsOf.Add(request, new global::System.Runtime.CompilerServices.StrongBox<TVars>(input));");
        w.Line("return request;");
        w.Close(", options, cancellationToken);");
        w.Close();
    }

    private static void WriteReader(SourceWriter w, LambdaSpec spec, string query)
    {
        w.Open($"private static {query} Read(ref {TypeNames.Reader} reader)");
        var root = spec.Call.Kind == LambdaKind.Mutation ? "Mutation" : "Query";
        w.Line($"{TypeNames.Json}.ExpectObject(ref reader, {Names.Literal(root)});");
        w.Line($"var answers = new object?[{spec.Roots.Count}];");
        ObjectReader.DeclareSeen(w, spec.Roots.Count);
        w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        var keyword = "if";
        for (var i = 0; i < spec.Roots.Count; i++)
        {
            w.Open($"{keyword} (reader.ValueTextEquals(\"f{i}\"u8))");
            ObjectReader.MarkSeen(w, i, $"{root}.{spec.Roots[i].Field} (f{i})");
            w.Line("reader.Read();");
            w.Line($"answers[{i}] = {JsonCode.Read(spec.Roots[i].Result, "reader", spec.Roots[i].Field, spec.TypesNamespace)};");
            w.Close();
            keyword = "else if";
        }

        w.Open("else");
        w.Line("reader.Read();");
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Line($"return {query}.Answered(answers);");
        w.Close();
    }
}

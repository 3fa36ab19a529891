using CsCheck;
using Microsoft.CodeAnalysis;
using Pyxis.Generators.Model;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>Whatever the input, the generator reports diagnostics and never crashes (no PYX018, no exception).</summary>
public sealed class RobustnessTests
{
    private const string ValidOperation = """
        query FindRepositories($filter: RepositoryFilter, $page: Int) {
          find_repositories(filter: $filter, page: $page, page_size: 10) {
            data { _id registry tags { name added_date ...T } ...R repository @include(if: true) }
            error { status detail }
            total
          }
        }
        fragment R on Repository { kind published repository required_tags { ...T } }
        fragment T on Tag { name }
        """;

    private static readonly Gen<string> Noise = Gen.String[Gen.Char["{}()[]:$!@.=,\"#\n abc_Q19"], 0, 8];

    [Fact]
    public void Mutated_operations_never_crash_the_generator()
    {
        Gen.Select(Gen.Int[0, ValidOperation.Length], Gen.Int[0, 6], Noise)
            .Sample(
                (at, cut, insert) =>
                {
                    var end = Math.Min(ValidOperation.Length, at + cut);
                    var mutated = ValidOperation[..at] + insert + ValidOperation[end..];
                    AssertNoCrash(TestSchema.Text, mutated);
                },
                iter: Iterations(400)
            );
    }

    [Fact]
    public void Mutated_schemas_never_crash_the_generator()
    {
        Gen.Select(Gen.Int[0, TestSchema.Text.Length], Gen.Int[0, 12], Noise)
            .Sample(
                (at, cut, insert) =>
                {
                    var end = Math.Min(TestSchema.Text.Length, at + cut);
                    AssertNoCrash(TestSchema.Text[..at] + insert + TestSchema.Text[end..], ValidOperation);
                },
                iter: Iterations(200)
            );
    }

    [Fact]
    public void A_fragment_followed_by_a_final_comment_generates_code()
    {
        // Found by the fuzzer: the parser's location for the last definition ran past the text.
        var output = GeneratorHarness.Run(
            TestSchema.Text,
            (
                "/project/ops/Op.graphql",
                "query Q { get_repository(registry: \"r\") { data { ...R } } }\nfragment R on Repository { kind }# trailing"
            )
        );

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.CompileDiagnostics);
        Assert.EndsWith(
            "fragment R on Repository { kind }\";",
            output.Source("QQuery").Split('\n').First(l => l.Contains("const string Document", StringComparison.Ordinal)).TrimEnd(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void The_model_holds_no_compiler_objects()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel) };
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([
            typeof(OperationFileResult),
            typeof(SharedTypesSpec),
            typeof(GeneratorOptions),
            typeof(GraphQLFile),
        ]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (var t in type.GetProperties().Select(p => p.PropertyType).Concat(type.GetGenericArguments()))
            {
                pending.Push(t);
            }
        }
    }

    // PYXIS_FUZZ_ITER=100000 fuzzes deeper locally; CI keeps the run short.
    private static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("PYXIS_FUZZ_ITER"), out var n) && n > 0 ? n : ciDefault;

    // Beyond not crashing: what it emits must compile, also beside PYX errors (a failing operation keeps the surface
    // of what validated, so its errors must not come with C# errors in generated code).
    private static void AssertNoCrash(string schema, string operation)
    {
        var driver = GeneratorHarness
            .CreateDriver([(GeneratorHarness.SchemaPath, schema), ("/project/ops/Op.graphql", operation)])
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var compiled, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "PYX018" or "CS8785");
        Assert.Empty(compiled.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}

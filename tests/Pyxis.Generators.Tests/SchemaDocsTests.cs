using Microsoft.CodeAnalysis;
using Pyxis.Generators.Tests.Infrastructure;

namespace Pyxis.Generators.Tests;

/// <summary>The schema's words reach the user: descriptions become XML docs, @deprecated becomes [Obsolete] and a PYX032 warning.</summary>
public sealed class SchemaDocsTests
{
    private const string Schema = """"
        schema { query: Query }
        """A container repository."""
        type Repo {
          """Where the repository lives, e.g. `registry.access.redhat.com`."""
          registry: String
          platforms: [String] @deprecated(reason: "Use architectures.")
          architectures: [String]
        }
        """How to sort."""
        enum Order {
          """Oldest first."""
          ASC
          DESC @deprecated(reason: "Use ASC.")
        }
        input RepoFilter {
          """Exact registry."""
          registry: String
          vendor: String @deprecated(reason: "Vendors moved.")
          order: Order
        }
        type Query {
          """
          One repository by its registry.
          Returns null when there is none.
          """
          repo(
            """The registry host."""
            registry: String!
            filter: RepoFilter
          ): Repo
        }
        """";

    [Fact]
    public void Descriptions_become_docs_and_deprecations_become_Obsolete_without_warnings_in_generated_code()
    {
        var output = GeneratorHarness.Run(
            Schema,
            (
                "/ops/Q.graphql",
                "query Q($registry: String!, $filter: RepoFilter) { repo(registry: $registry, filter: $filter) { registry platforms architectures } }"
            )
        );

        Assert.Empty(output.CompileDiagnostics);
        var record = output.Source("QQuery");
        Assert.Contains("/// <summary>A container repository.</summary>", record, StringComparison.Ordinal);
        Assert.Contains(
            "/// <param name=\"Registry\">Where the repository lives, e.g. `registry.access.redhat.com`.</param>",
            record,
            StringComparison.Ordinal
        );
        // An explicit property, where the compiler reports reads (not on the positional parameter: dotnet/roslyn#76727).
        Assert.Contains("[global::System.Obsolete(\"Use architectures.\")]", record, StringComparison.Ordinal);
        Assert.DoesNotContain("[property: global::System.Obsolete", record, StringComparison.Ordinal);
        Assert.Contains(
            "/// One repository by its registry.\n        /// Returns null when there is none.",
            record,
            StringComparison.Ordinal
        );
        Assert.Contains("/// <param name=\"registry\">The registry host.</param>", record, StringComparison.Ordinal);
        var input = output.Source("Inputs/RepoFilter");
        Assert.Contains("/// <summary>Exact registry.</summary>", input, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Vendors moved.\")]", input, StringComparison.Ordinal);
        var order = output.Source("Enums/Order");
        Assert.Contains("/// <summary>How to sort.</summary>", order, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Oldest first.</summary>", order, StringComparison.Ordinal);
        Assert.Contains("[global::System.Obsolete(\"Use ASC.\")]", order, StringComparison.Ordinal);
    }

    [Fact]
    public void Selecting_a_deprecated_field_or_input_field_is_a_PYX032_warning_with_the_reason_and_still_generates()
    {
        const string Line = "  repo(registry: \"r\", filter: { vendor: \"v\" }) { platforms }";
        var output = GeneratorHarness.Run(Schema, ("/ops/Q.graphql", "query Q {\n" + Line + "\n}"));

        var warnings = output.Diagnostics.Where(d => d.Id == "PYX032").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Descriptor.DefaultSeverity)); // the harness compiles warnings as errors
        Assert.Equal("'RepoFilter.vendor' is deprecated: Vendors moved.", warnings[0].GetMessage());
        Assert.Equal("'Repo.platforms' is deprecated: Use architectures.", warnings[1].GetMessage());
        Assert.Equal(
            (1, Line.IndexOf("platforms", StringComparison.Ordinal)),
            (warnings[1].Location.GetLineSpan().StartLinePosition.Line, warnings[1].Location.GetLineSpan().StartLinePosition.Character)
        );
        Assert.Contains(output.Sources, s => s.HintName.StartsWith("QQuery", StringComparison.Ordinal));
    }
}

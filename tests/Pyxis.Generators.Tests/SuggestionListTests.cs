using Pyxis.Generators.Validation;

namespace Pyxis.Generators.Tests;

/// <summary>The cases of graphql-js's <c>suggestionList-test.ts</c> and <c>didYouMean-test.ts</c>, in our quoting.</summary>
public sealed class SuggestionListTests
{
    [Theory]
    [InlineData("", "a", "a")]
    [InlineData("input", "", "")]
    [InlineData("greenish", "green", "green")]
    [InlineData("green", "greenish", "greenish")]
    [InlineData("aaaa", "aaab", "aaab")]
    [InlineData("aaaa", "aabb", "aabb")]
    [InlineData("aaaa", "abbb", "")]
    [InlineData("ab", "ca", "")]
    [InlineData("verylongstring", "VERYLONGSTRING", "VERYLONGSTRING")]
    [InlineData("VERYLONGSTRING", "VeryLongString", "VeryLongString")]
    [InlineData("agr", "arg", "arg")]
    [InlineData("214365879", "123456789", "123456789")]
    [InlineData("abc", "a,ab,abc", "abc,ab,a")]
    [InlineData("a", "az,ax,ay", "ax,ay,az")]
    [InlineData("boo", "moo,foo,zoo", "foo,moo,zoo")]
    [InlineData("abc", "a1,a12,a2", "a1,a2,a12")]
    public void Suggestions_follow_graphql_js(string input, string options, string expected)
    {
        var list = options.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Suggestions.Closest(input, list));
    }

    [Fact]
    public void Case_changes_count_as_one_edit_and_transpositions_as_one()
    {
        Assert.Equal(1, Suggestions.LexicalDistance("Registry", "registry", 5));
        Assert.Equal(1, Suggestions.LexicalDistance("regsitry", "registry", 5));
        Assert.Null(Suggestions.LexicalDistance("abcdef", "uvwxyz", 3));
    }

    [Fact]
    public void Did_you_mean_lists_at_most_five()
    {
        Assert.Equal(string.Empty, Suggestions.DidYouMean([]));
        Assert.Equal(" Did you mean 'A'?", Suggestions.DidYouMean(["A"]));
        Assert.Equal(" Did you mean 'A' or 'B'?", Suggestions.DidYouMean(["A", "B"]));
        Assert.Equal(" Did you mean 'A', 'B', or 'C'?", Suggestions.DidYouMean(["A", "B", "C"]));
        Assert.Equal(" Did you mean 'A', 'B', 'C', 'D', or 'E'?", Suggestions.DidYouMean(["A", "B", "C", "D", "E", "F"]));
    }
}

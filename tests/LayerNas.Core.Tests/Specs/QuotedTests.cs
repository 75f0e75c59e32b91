using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Specs;

/// <summary>Text shown in an error is escaped exactly where a name would be refused as unprintable, so an error never reorders or breaks its own line.</summary>
public sealed class QuotedTests
{
    [Theory]
    [InlineData("tables/a.csv", "tables/a.csv")]
    [InlineData("two\nlines.csv", "two\\nlines.csv")]
    [InlineData("esc\u001b[2J", "esc\\u001b[2J")]
    [InlineData("invoice\u202Efdp.csv", "invoice\\u202efdp.csv")]
    [InlineData("iso\u2066late", "iso\\u2066late")]
    [InlineData("mark\u200F", "mark\\u200f")]
    [InlineData("naïve 名前", "naïve 名前")]
    public void Escaped_shows_every_unprintable_character_as_an_escape_and_leaves_the_rest(string text, string shown) =>
        Assert.Equal(shown, Quoted.Escaped(text));

    [Fact]
    public void A_character_is_escaped_in_errors_exactly_when_a_name_holding_it_is_refused()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var text = $"a{c}b";
            Assert.Equal(PrintableText.FirstUnprintable(text) is null, Quoted.Escaped(text) == text);
        }
    }
}

namespace Pyxis.Client.Tests;

public sealed class RpmVersionTests
{
    [Theory]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0a", "1.0", 1)]
    [InlineData("2.0.1", "2.0.1a", -1)]
    [InlineData("1.05", "1.5", 0)]
    [InlineData("1.el8", "1.el9", -1)]
    [InlineData("1a", "1.1", -1)]
    public void Compare_follows_rpmvercmp(string left, string right, int expected)
    {
        Assert.Equal(expected, RpmVersion.Compare(left, right));
        Assert.Equal(-expected, RpmVersion.Compare(right, left));
    }

    [Fact]
    public void Nvrs_compare_by_version_then_release()
    {
        string[] nvrs = ["ubi8-container-8.10-9", "ubi8-container-8.10-10", "ubi8-container-8.9-99"];

        Assert.Equal("ubi8-container-8.10-10", nvrs.Max(RpmVersion.NvrComparer));
    }
}

using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>What the log keeps of visitors' input: no forged lines, no disguised text, no query codes.</summary>
public sealed class LogSafetyTests
{
    [Theory]
    [InlineData("editor.housing", "editor.housing")]
    [InlineData("admin\r\n[WRN] Staff sign-in root", "admin\\u000D\\u000A[WRN] Staff sign-in root")]
    [InlineData("user\u202Egnp.exe", "user\\u202Egnp.exe")]
    [InlineData("\u0000\u001b[31m", "\\u0000\\u001B[31m")]
    [InlineData("张三😀", "张三😀")]
    [InlineData(null, "")]
    public void TypedText_HasItsControlAndFormatCharactersEscaped(string? typed, string logged) =>
        Assert.Equal(logged, Logging.Typed(typed));

    [Fact]
    public void TypedText_IsCutAtAHundredCharacters() =>
        Assert.Equal(new string('a', 100) + "…", Logging.Typed(new string('a', 10_000)));

    [Theory]
    [InlineData("/apply/receipt/ABCDEFGHJKMN", "/apply/receipt/ABCD********")]
    [InlineData("/apply/receipt", "/apply/receipt")]
    [InlineData("/records/12", "/records/12")]
    public void ReceiptPaths_LoseTheirQueryCode(string path, string logged) =>
        Assert.Equal(logged, Logging.LoggedPath(new PathString(path)));
}

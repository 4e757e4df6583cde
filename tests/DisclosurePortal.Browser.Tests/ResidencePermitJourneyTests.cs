using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Issue 18: a Hong Kong resident applies with a 港澳居民居住证 (条例 Art. 29 asks for 身份证明, not a mainland ID). A
/// mistyped check digit is named as such beside the field, under the number's format shown from the start; the receipt
/// restates the request and prints without the site around it; the office replies "现予以提供（见附件）" with the file,
/// and the applicant, who chose 网上获取, downloads it from the tracking page. Screenshots 60–66.
/// </summary>
public sealed class ResidencePermitJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string PermitNumber = "810000199001010019";
    private const string Request = "2025年青川县农村危房改造补助资金发放明细及金额。";

    [Fact]
    public async Task AHongKongResident_AppliesWithTheResidencePermit_AndDownloadsTheReplysFile()
    {
        var citizen = await JourneySteps.VisitorAsync(fixture, width: 390, height: 844);
        await citizen.GotoAsync(fixture.BaseUrl + "/apply");
        var submit = citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" });

        // The document, then its number: the format is on the page before anything is typed.
        await citizen.GetByRole(AriaRole.Group, new() { Name = "申请人类型" }).GetByRole(AriaRole.Radio, new() { Name = "自然人" }).CheckAsync();
        await citizen.GetByLabel("姓名/名称").FillAsync("陈大文");
        await citizen.GetByLabel("证件类型").SelectOptionAsync(new SelectOptionValue { Label = "港澳居民居住证" });
        var number = citizen.GetByLabel("证件号码");
        Assert.Contains("18位", await citizen.Locator("#IdentityNumber-hint").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("必填", await citizen.Locator("label[for=IdentityNumber]").InnerTextAsync(), StringComparison.Ordinal);
        await number.FillAsync(PermitNumber[..^1] + "0"); // the last digit mistyped
        await citizen.GetByLabel("联系电话或电子邮箱").FillAsync("chan@example.hk");
        await citizen.GetByLabel("所需信息的描述").FillAsync(Request);
        await citizen.GetByRole(AriaRole.Group, new() { Name = "获取信息的形式" }).GetByRole(AriaRole.Radio, new() { Name = "电子文档" }).CheckAsync();
        await citizen.GetByRole(AriaRole.Group, new() { Name = "获取信息的方式" }).GetByRole(AriaRole.Radio, new() { Name = "网上获取" }).CheckAsync();
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("60-permit-apply-form.png"), FullPage = true });
        await submit.ClickAsync();

        // Refused beside the field, the check digit named, everything typed kept (the permit still chosen).
        var error = await citizen.Locator("#IdentityNumber-error").InnerTextAsync();
        Assert.Equal("港澳居民居住证号码的最后一位（校验码）与前17位不符，请逐位核对。", error.Trim());
        Assert.Equal("true", await number.GetAttributeAsync("aria-invalid"));
        Assert.Equal("2", await citizen.GetByLabel("证件类型").InputValueAsync());
        await number.ScrollIntoViewIfNeededAsync();
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("61-permit-check-digit.png") });
        await number.FillAsync(PermitNumber);
        await submit.ClickAsync();
        await citizen.WaitForURLAsync("**/apply/receipt/*");

        // The receipt: the code, the document with its number masked, and what was asked for.
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Equal("港澳居民居住证", (await citizen.Locator("#identity-document").InnerTextAsync()).Trim());
        Assert.Equal("810000********0019", (await citizen.Locator("#identity").InnerTextAsync()).Trim());
        Assert.Equal(Request, (await citizen.Locator("#request-description").InnerTextAsync()).Trim());
        Assert.Equal("网上获取", (await citizen.Locator("#request-method").InnerTextAsync()).Trim());
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("62-permit-receipt.png"), FullPage = true });

        // Printed: no navigation, no accessibility bar, the code large, black on white.
        await citizen.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await citizen.Locator(".main-nav").IsVisibleAsync());
        Assert.False(await citizen.Locator(".topbar").IsVisibleAsync());
        Assert.False(await citizen.Locator(".breadcrumbs").IsVisibleAsync());
        Assert.True(await citizen.Locator("#request-description").IsVisibleAsync());
        var codeStyle = await citizen.Locator("#query-code").EvaluateAsync<string[]>("e => [getComputedStyle(e).color, getComputedStyle(e).fontSize]");
        Assert.Equal("rgb(0, 0, 0)", codeStyle[0]);
        Assert.True(double.Parse(codeStyle[1].TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) >= 36);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("63-permit-receipt-print.png"), FullPage = true });
        await citizen.EmulateMediaAsync(new() { Media = Media.Screen });

        // The office: confirms receipt, drafts 予以公开, attaches the file and replies.
        var office = await fixture.SignInAsync("reviewer");
        await office.GotoAsync(fixture.BaseUrl + "/cases");
        var caseLink = office.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = code });
        var caseUrl = fixture.BaseUrl + await caseLink.GetAttributeAsync("href");
        await caseLink.ClickAsync();
        await office.WaitForURLAsync(caseUrl);
        Assert.Equal("港澳居民居住证", (await office.Locator("#case-identity-document").InnerTextAsync()).Trim());
        ILocator Action(string name) => office.GetByRole(AriaRole.Form, new() { Name = name, Exact = true });
        await Action("确认收到").GetByRole(AriaRole.Button, new() { Name = "确认收到", Exact = true }).ClickAsync();
        await office.WaitForURLAsync(caseUrl);
        await office.GetByLabel("答复类型").SelectOptionAsync(new SelectOptionValue { Label = "予以公开" });
        await office.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await office.WaitForURLAsync("**?template=disclosed*");
        var letter = await Action("答复").GetByLabel("答复书").InputValueAsync();
        Assert.Contains("申请获取“2025年青川县农村危房改造补助资金发放明细及金额”。", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", letter, StringComparison.Ordinal);
        await Action("答复").GetByLabel("答复附件").SetInputFilesAsync(new FilePayload
        {
            Name = "补助资金发放明细.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("64-office-reply-with-file.png"), FullPage = true });
        await Action("答复").GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await office.WaitForURLAsync("**/cases/*");
        Assert.Contains("已答复", await JourneySteps.StatusAsync(office), StringComparison.Ordinal);
        Assert.Equal("补助资金发放明细.pdf", (await office.Locator("#case-reply-files a").InnerTextAsync()).Trim());

        // The applicant tracks the case with the code and downloads the file.
        await JourneySteps.TrackAsync(citizen, code);
        Assert.Equal("予以公开", (await citizen.Locator("#reply-type").InnerTextAsync()).Trim());
        var files = citizen.GetByRole(AriaRole.Region, new() { Name = "答复附件" });
        var download = await citizen.RunAndWaitForDownloadAsync(() => files.GetByRole(AriaRole.Link, new() { Name = "补助资金发放明细.pdf" }).ClickAsync());
        Assert.Equal("补助资金发放明细.pdf", download.SuggestedFilename);
        Assert.DoesNotContain(PermitNumber, await citizen.ContentAsync(), StringComparison.Ordinal);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("65-permit-track-files.png"), FullPage = true });
        await citizen.EmulateMediaAsync(new() { Media = Media.Print });
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("66-permit-track-print.png"), FullPage = true });
    }
}

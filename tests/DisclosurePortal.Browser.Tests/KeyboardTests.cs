using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Issue 8's keyboard requirements in a real browser: the skip link is the first Tab stop and moves focus to main; the
/// application form is filled in and submitted with the keyboard alone (no clicks, no Fill: Tab, Shift+Tab, typing,
/// Space, arrow keys and Enter); every focused control shows a focus indicator; tabbing through a whole page reaches
/// every control and leaves the page (no keyboard trap).
/// </summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>What has the focus, and whether it is drawn: an outline at least 2px wide or a box shadow.</summary>
    private sealed class Focus
    {
        public string Tag { get; set; } = "";
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string Text { get; set; } = "";
        public bool Checked { get; set; }
        public bool Indicated { get; set; }
        public bool InDocument { get; set; }
        public string Path { get; set; } = "";
        public string Style { get; set; } = "";
    }

    private const string ReadFocus = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement)
                return { tag: 'body', id: '', name: '', type: '', text: '', checked: false, indicated: false, inDocument: false, path: 'body', style: '' };
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            const path = [];
            for (let e = el; e && e !== document.body; e = e.parentElement)
                path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
            return { tag: el.tagName.toLowerCase(), id: el.id || '', name: el.getAttribute('name') || '', type: el.getAttribute('type') || '',
                     text: (el.innerText || el.value || '').trim().slice(0, 60), checked: !!el.checked, indicated: outline || !!shadow, inDocument: true,
                     path: path.join(' > '),
                     style: `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}; :focus ${el.matches(':focus')}, :focus-visible ${el.matches(':focus-visible')}, :focus-within ${el.matches(':focus-within')}` };
        }
        """;

    private static async Task<Focus> FocusAsync(IPage page) => await page.EvaluateAsync<Focus>(ReadFocus);

    /// <summary>Presses Tab (or Shift+Tab) and checks that what receives the focus shows it.</summary>
    private static async Task<Focus> TabAsync(IPage page, bool back = false)
    {
        await page.Keyboard.PressAsync(back ? "Shift+Tab" : "Tab");
        var focus = await FocusAsync(page);
        Assert.True(!focus.InDocument || focus.Indicated, $"no visible focus indicator on {focus.Path} “{focus.Text}” ({focus.Style})");
        return focus;
    }

    /// <summary>Tabs forward until the element with <paramref name="id"/> (or the first radio named <paramref name="id"/>) has the focus.</summary>
    private static async Task<Focus> TabToAsync(IPage page, string id, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            var focus = await TabAsync(page);
            if (focus.Id == id || (focus.Type == "radio" && focus.Name == id) || (id == "submit" && focus.Tag == "button" && focus.Type == "submit" && focus.Path.Contains("apply-form", StringComparison.Ordinal)))
                return focus;
        }
        throw new Xunit.Sdk.XunitException($"{id} not reached in {maxPresses} presses of Tab");
    }

    private static async Task ExpectFocusAsync(IPage page, string id, bool back = false)
    {
        var focus = await TabAsync(page, back);
        Assert.True(focus.Id == id || (focus.Type == "radio" && focus.Name == id), $"expected {id} to have the focus, found {focus.Path}");
    }

    private static async Task SkipToMainAsync(IPage page)
    {
        var first = await TabAsync(page);
        Assert.Equal("跳到主要内容", first.Text);
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        Assert.Equal("main", (await FocusAsync(page)).Id);
    }

    [Fact]
    public async Task ApplicationForm_IsFilledInAndSubmitted_WithTheKeyboardAlone_FocusAlwaysVisible()
    {
        var page = await JourneySteps.VisitorAsync(fixture);
        await page.GotoAsync(fixture.BaseUrl + "/apply");
        await SkipToMainAsync(page);

        // The applicant type: Tab reaches the group, Space chooses 自然人.
        var kind = await TabToAsync(page, "ApplicantKind");
        Assert.False(kind.Checked);
        await page.Keyboard.PressAsync("Space");
        Assert.True((await FocusAsync(page)).Checked);

        await ExpectFocusAsync(page, "ApplicantName");
        await page.Keyboard.TypeAsync("李四");
        await ExpectFocusAsync(page, "IdentityDocument"); // 证件类型 (issue 18): 居民身份证 unless changed
        await ExpectFocusAsync(page, "IdentityNumber");
        await page.Keyboard.TypeAsync("11010519491231002X");
        // Back with Shift+Tab to correct the name: what was typed is still there.
        await ExpectFocusAsync(page, "IdentityDocument", back: true);
        await ExpectFocusAsync(page, "ApplicantName", back: true);
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("明");
        await ExpectFocusAsync(page, "IdentityDocument");
        await ExpectFocusAsync(page, "IdentityNumber");
        // The formats of every document (issue 18), folded: one stop.
        Assert.EndsWith("details.id-formats > summary", (await TabAsync(page)).Path, StringComparison.Ordinal);
        await ExpectFocusAsync(page, "ContactPerson");
        await ExpectFocusAsync(page, "Contact");
        // The contact is left out on purpose: the form must come back with the error and everything else kept.
        await ExpectFocusAsync(page, "PostalAddress");
        await ExpectFocusAsync(page, "NotifyEmail"); // the optional 通知邮箱 (issue 19)
        await ExpectFocusAsync(page, "InformationDescription");
        await page.Keyboard.TypeAsync("2025年度本村农村危房改造补助资金发放明细");
        // Radio groups: Tab enters at the first option, the arrow keys move and choose.
        await ExpectFocusAsync(page, "ProvisionForm");
        await page.Keyboard.PressAsync("ArrowDown");
        var provision = await FocusAsync(page);
        Assert.True(provision.Checked && provision.Name == "ProvisionForm");
        await ExpectFocusAsync(page, "DeliveryMethod");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown");
        Assert.True((await FocusAsync(page)).Checked);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("40-keyboard-apply-form.png"), FullPage = true });

        // The next stop is the submit button (the hidden anti-spam field is not a stop); Enter submits.
        var submit = await TabAsync(page);
        Assert.Equal(("button", "提交申请"), (submit.Tag, submit.Text));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Alert).First.WaitForAsync();
        Assert.EndsWith("/apply", page.Url, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("联系电话或电子邮箱").GetAttributeAsync("aria-invalid"));
        Assert.Equal("李四明", await page.GetByLabel("姓名/名称").InputValueAsync());
        Assert.Equal("11010519491231002X", await page.GetByLabel("证件号码").InputValueAsync());
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "自然人" }).IsCheckedAsync());
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "电子文档" }).IsCheckedAsync());
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "网上获取" }).IsCheckedAsync());
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("41-keyboard-apply-error.png"), FullPage = true });

        // A new page: from the top again, skip link, then straight to the field in error; Space on the button submits.
        await SkipToMainAsync(page);
        await TabToAsync(page, "Contact");
        await page.Keyboard.TypeAsync("13900000000");
        var button = await TabToAsync(page, "submit");
        Assert.Equal("提交申请", button.Text);
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync("**/apply/receipt/*");
        Assert.Equal(12, (await page.Locator("#query-code").InnerTextAsync()).Trim().Length);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("42-keyboard-apply-receipt.png"), FullPage = true });
    }

    [Fact]
    public async Task HomePage_TabbingReachesEveryControl_WithVisibleFocus_AndLeavesThePage()
    {
        var page = await JourneySteps.VisitorAsync(fixture);
        await page.GotoAsync(fixture.BaseUrl + "/");
        await AssertNoTrapAsync(page, "43-keyboard-home");
    }

    [Fact]
    public async Task StaffRecordEditor_TabbingReachesEveryControl_WithVisibleFocus_AndLeavesThePage()
    {
        var item = await DisclosurePortal.Web.Tests.Workflow.WorkflowSupport.HousingItemAsync(fixture.Portal);
        var page = await fixture.SignInAsync("editor.housing");
        await page.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await AssertNoTrapAsync(page, "44-keyboard-record-editor");
    }

    /// <summary>
    /// Tabs from the top of the page until the focus leaves the document (to the browser's own controls) or comes round
    /// to the first stop again. Every stop must show its focus, and every control a person can reach with a pointer must
    /// have been a stop (a radio group is one stop).
    /// </summary>
    private static async Task AssertNoTrapAsync(IPage page, string screenshot)
    {
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        var tabbable = await page.EvaluateAsync<int>("""
            () => {
                const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
                    .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({ visibilityProperty: true }));
                all.forEach(e => e.setAttribute('data-kb-stop', ''));
                return all.length;
            }
            """);
        Assert.True(tabbable > 5, $"only {tabbable} controls found");
        string? first = null;
        var presses = 0;
        var limit = tabbable * 4 + 20;
        for (; presses < limit; presses++)
        {
            var focus = await TabAsync(page);
            if (!focus.InDocument) break;
            if (first is null)
            {
                first = focus.Path;
                Assert.Equal("跳到主要内容", focus.Text);
                await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot(screenshot + "-first-stop.png") });
            }
            else if (focus.Path == first && presses > 1) break;
            await page.EvaluateAsync("() => document.activeElement.setAttribute('data-kb-seen', '')");
        }
        Assert.True(presses < limit, $"the focus did not leave the page after {limit} presses of Tab: a keyboard trap?");

        var missed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-kb-stop]:not([data-kb-seen])')]
                .filter(e => !(e.type === 'radio' && e.form && [...e.form.elements].some(o => o.type === 'radio' && o.name === e.name && o.hasAttribute('data-kb-seen'))))
                .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.True(missed.Length == 0, "never reached with Tab: " + string.Join(" | ", missed));
    }
}

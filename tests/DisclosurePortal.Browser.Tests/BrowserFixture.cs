using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>The portal on real Kestrel (loopback, a free port) with demo data, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly PortalFactory _factory;
    private IPlaywright? _playwright;

    public BrowserFixture() : this(new PortalFactory(TestDb.Sqlite))
    {
    }

    /// <summary>On an app configured otherwise (internal: xunit builds fixtures through their one public constructor).</summary>
    internal BrowserFixture(PortalFactory factory) => _factory = factory;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public PortalFactory Portal => _factory;

    public static string OutputFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("DP_TEST_OUTPUT") is { Length: > 0 } o ? o : Path.Combine(Path.GetTempPath(), "dp-test-output");
            var folder = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Where a journey saves its screenshot <paramref name="name"/>.</summary>
    public static string Shot(string name) => Path.Combine(OutputFolder, name);

    /// <summary>A desktop page of a staff member signed in through the login form, on their dashboard.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/manage");
        return page;
    }

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("DP_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run tests/run.sh (it installs Debian's chromium) or set DP_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

using System.Net;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Features.AdminUsers;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// Issue 15: an unknown user name was refused in a few milliseconds, a known one only after hashing the password
/// (60–370 ms), so the time of the answer told which names exist. Every sign-in now hashes the typed password exactly
/// once, whoever the name belongs to. Counted, not timed (tests/bench/signin-timing.sh measures the times).
/// </summary>
public sealed class SignInTimingTests(CountingHasherPortal factory) : IClassFixture<CountingHasherPortal>
{
    [Fact]
    public async Task AnUnknownUserName_HashesThePasswordOnce()
    {
        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync("no.such.person", "Wrong#password1"));
        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync("no.such.person", "Wrong#password1")); // and again, once the dummy hash exists
    }

    [Fact]
    public async Task AKnownUserName_WithAWrongPassword_HashesThePasswordOnce()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync(user.UserName!, "Wrong#password1"));
    }

    [Fact]
    public async Task AKnownUserName_WithItsPassword_HashesThePasswordOnce()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        Assert.Equal((HttpStatusCode.Redirect, 1), await SignInAsync(user.UserName!, StrongPassword));
    }

    [Fact]
    public async Task ALockedOutAccount_HashesThePasswordOnce_AndStaysLocked()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        for (var i = 0; i < 5; i++) await SignInAsync(user.UserName!, "Wrong#password1");

        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync(user.UserName!, "Wrong#password1"));
        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync(user.UserName!, StrongPassword));
    }

    [Fact]
    public async Task ADisabledAccount_HashesThePasswordOnce_AndIsRefused()
    {
        var user = await UserAsync(factory, Roles.Reviewer);
        await using (var db = factory.NewDbContext())
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.LockoutEnd = AccountStates.DisabledUntil;
            await db.SaveChangesAsync();
        }
        Assert.Equal((HttpStatusCode.BadRequest, 1), await SignInAsync(user.UserName!, StrongPassword));
    }

    [Fact]
    public async Task TheDemoAccounts_SignInAsBefore()
    {
        Assert.Equal((HttpStatusCode.Redirect, 1), await SignInAsync("reviewer", DemoAccountsSeeder.Password));
    }

    /// <summary>Signs in through the login form; the answer and how many passwords were checked against a hash.</summary>
    private async Task<(HttpStatusCode Status, int Verifications)> SignInAsync(string userName, string password)
    {
        var client = Browserish.NewClient(factory);
        factory.Hasher.Reset(); // the login page itself checks no password
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = password });
        return (response.StatusCode, factory.Hasher.Verifications);
    }
}

/// <summary>The app with its password hasher wrapped in one that counts the verifications.</summary>
public sealed class CountingHasherPortal() : PortalFactory(TestDb.Sqlite, demoRecords: 20)
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<PortalUser>>(sp =>
        {
            Hasher.Inner = new PasswordHasher<PortalUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>());
            return Hasher;
        }));
    }
}

public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private int verifications;

    public IPasswordHasher<PortalUser> Inner { get; set; } = new PasswordHasher<PortalUser>();

    public int Verifications => Volatile.Read(ref verifications);

    public void Reset() => Interlocked.Exchange(ref verifications, 0);

    public string HashPassword(PortalUser user, string password) => Inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

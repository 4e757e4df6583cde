using DisclosurePortal.Web.Infrastructure.Cluster;
using DisclosurePortal.Web.Infrastructure.Diagnostics;
using DisclosurePortal.Web.Features.Reminders;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Features.Apply;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Features.Consultations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Notifications;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

// The portal. Generating benchmark data and backing up are DisclosurePortal.Tools (README).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false); // no server name or version banner

builder.AddPortalLogging();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddPortalStorage(builder.Configuration, builder.Environment); // database, initializer, Data Protection keys
builder.Services.AddPortalSearch(builder.Configuration);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<DisclosurePortal.Web.Infrastructure.Site.SiteIdentityStore>(); // the site's particulars, one row held in memory (issue 20)
builder.Services.AddSingleton<PublicSite>();
builder.Services.AddSingleton<DisclosurePortal.Web.Infrastructure.Caching.DataTags>(); // tokens that evict data held in memory with the pages (issue 23)
builder.Services.AddSingleton<ReferenceData>(); // domains, stages, units and catalogue items held in memory (issue 23)
builder.Services.AddSingleton<DisclosurePortal.Web.Features.Shared.ListingAnchors>(); // where deep pages of long listings start (issue 23)
builder.Services.AddSingleton<AttachmentStorage>();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddUseCaseHandlers();
builder.Services.AddScoped<DisclosurePortal.Data.Seed.IDemoDataStep, DisclosurePortal.Web.Features.Assessments.DemoAssessmentResults>(); // 考核 demo results (ADR 37)
builder.Services.AddProcessingFees(builder.Configuration); // FeeTiers from the "Fees" section (Features/Cases)
builder.Services.AddMessages(builder.Configuration); // MessageDeadlines from the "Messages" section, retention (Features/Messages)
builder.Services.AddConsultations(builder.Configuration); // ConsultationSettings from the "Consultations" section, retention service (Features/Consultations)
builder.Services.AddPortalCluster(builder.Configuration); // issue 24: evictions across nodes, leases, Redis (Infrastructure/Cluster)
builder.Services.AddPortalRateLimits(builder.Configuration); // AddRateLimiter: apply, track, login, search (Infrastructure/Security)
builder.Services.AddPortalNotifications(builder.Configuration); // the mail outbox and its sender (Infrastructure/Notifications)
builder.Services.AddReminders(builder.Configuration); // 消息警示: the reminder job and its alerts (Features/Reminders, ADR 35)
// Chinese text is written as characters, not &#x…; escapes: a third of the bytes on every page.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddPortalLocalization();
builder.AddPortalCaching(); // output cache, validators, compression, static assets (ADR 16)
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
builder.Services.AddRequestCost(builder.Configuration); // Server-Timing: statements, rows, database and view time, when Diagnostics:ServerTiming (issue 23)
builder.Services.AddHealthChecks().AddDbContextCheck<DisclosurePortal.Data.PortalDbContext>("database", tags: [HealthResponse.Ready]);
builder.Services
    .AddControllersWithViews(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Filters.Add<AntiforgeryFailurePage>(); // a refused token says what happened and how to keep the text
        o.Filters.Add(new OneConnectionPerRequest()); // one pool round trip per request, not one per query
        o.Filters.Add(new TypedTextFilter()); // control characters refused in every form post, beside the field (docs/security.md)
        o.Filters.Add<QueryProblemFilter>(); // a query string a filter record refused: the problem page, before the action
        o.ModelBinderProviders.Insert(0, new QueryFilterBinderProvider());
        // Model binding speaks Chinese too: a value that does not fit its field is explained, never a 500.
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        m.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        m.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效。");
        m.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
    })
    .AddRazorOptions(o =>
    {
        // Vertical slices: a feature's views live beside its controller (STYLE.md).
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Shared/Views/{0}.cshtml");
    })
    // Every page works without JavaScript and the server validates: asp-for writes no data-val-* attributes.
    .AddViewOptions(o =>
    {
        o.HtmlHelperOptions.ClientValidationEnabled = false;
        // Dates are written yyyy-MM-dd and numbers with a "." in both cultures the portal speaks, so a bound field
        // needs no hidden __Invariant companion telling the binder how to read it.
        o.HtmlHelperOptions.FormInputRenderMode = Microsoft.AspNetCore.Mvc.Rendering.FormInputRenderMode.AlwaysUseCurrentCulture;
    });
builder.Services.AddPortalValidation(); // FluentValidation's DI registration and MVC auto-validation (Infrastructure/Validation, ADR 25)

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await DisclosurePortal.Web.Features.QuarterlyReports.DemoBulletinSeeder.SeedAsync(scope.ServiceProvider); // needs the web's report queries
}
await app.Services.GetRequiredService<DisclosurePortal.Web.Infrastructure.Site.SiteIdentityStore>().LoadAsync();

app.UsePortalSecurity(); // forwarded headers, security headers, HSTS and HTTPS redirection (Infrastructure/Security)
app.UsePortalRequestLogging(); // one event per request, error pages included (Infrastructure/Logging)
app.UseRequestCost(); // Server-Timing, when Diagnostics:ServerTiming is on (Infrastructure/Diagnostics)
app.UseExceptionHandler("/error/500");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePortalCluster(app.Configuration); // 503 while Redis is away; X-Portal-Node (Infrastructure/Cluster)
app.UsePortalLocalization();
app.UseMiddleware<DisclosurePortal.Web.Infrastructure.Site.SetupGate>(); // a fresh install shows only its setup page
app.UseRouting();
app.UseRouteTemplateForLog();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalCaching();
app.MapPortalHealth(); // /healthz, /healthz/live, /healthz/ready
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

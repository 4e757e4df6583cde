using DisclosurePortal.Web.Data.Seed;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddScoped<ReferenceDataSeeder>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<DemoAccountsSeeder>();
builder.Services.AddScoped<DatabaseInitializer>();
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<AttachmentStorage>();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddPortalValidators();
// Chinese text is written as characters, not &#x…; escapes: a third of the bytes on every page.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddPortalLocalization();
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
builder.Services.AddHealthChecks().AddDbContextCheck<DisclosurePortal.Web.Data.PortalDbContext>("database");
builder.Services
    .AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddRazorOptions(o =>
    {
        // Vertical slices: a feature's views live beside its controller (STYLE.md).
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/Views/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Shared/Views/{0}.cshtml");
    });

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseExceptionHandler("/error/500");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestLogging();
app.UseStaticFiles();
app.UsePortalLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz", HealthResponse.Options);
app.MapControllers();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

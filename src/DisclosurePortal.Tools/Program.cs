using DisclosurePortal.Tools.Generator;
using DisclosurePortal.Data;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Tools;

// DisclosurePortal.Tools generate|backup|import-keys [options] [--Section:Key=value …] [--contentRoot DIR]: the settings are the
// portal's own (appsettings.json of the content root, then the command line), so a tool works on exactly the database
// the portal reads. README and docs/performance.md, docs/reliability.md.
internal static class Tool
{
    public static async Task<int> Main(string[] args)
    {
        const string Usage = """
            Usage: DisclosurePortal.Tools <verb> [options] [--Section:Key=value …] [--contentRoot DIR]
              generate     fill an empty database with a province-sized generated data set (--help for its options)
              backup       copy the SQLite database online into a file (--help for its options)
              import-keys  a single node's keys folder into the database, for its cluster (--help for its options)
            Settings are read as the portal reads them: DIR/appsettings.json, then --Section:Key=value.
            """;

        ToolVerb? verb = (ToolVerb?)GenerateCommand.From(args) ?? (ToolVerb?)BackupCommand.From(args) ?? ImportKeysCommand.From(args);
        if (verb?.ExitBeforeHost() is { } exitCode) return exitCode;
        if (verb is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return args.Length == 0 || args[0] is "--help" or "-h" ? 0 : 2;
        }

        var builder = Host.CreateApplicationBuilder(verb.HostArguments);
        // A tool's output is its own summary: EF Core's every statement (logged at Information without the portal's
        // appsettings.json) would bury it.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        switch (verb)
        {
            case BackupCommand backup:
                return backup.Run(builder.Configuration, builder.Environment.ContentRootPath);
            case ImportKeysCommand importKeys:
                try
                {
                    builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
                }
                catch (InvalidOperationException e)
                {
                    await Console.Error.WriteLineAsync(e.Message); // a setting missing: say which
                    return 2;
                }
                using (var database = builder.Build())
                    return await importKeys.RunAsync(builder.Configuration, database.Services, Console.Out, Console.Error);
            case GenerateCommand generate:
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddPortalStorage(builder.Configuration, builder.Environment);
                // The initializer can seed the demo accounts; the generator turns demo data off, but the accounts' store is registered.
                builder.Services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
                using (var host = builder.Build())
                    return await generate.RunAsync(host.Services);
            default:
                throw new System.Diagnostics.UnreachableException($"A verb without its run: {verb.GetType().Name}");
        }
    }
}

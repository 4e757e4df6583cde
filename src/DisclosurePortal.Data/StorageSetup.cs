using DisclosurePortal.Data.Seed;
using Microsoft.AspNetCore.DataProtection;

namespace DisclosurePortal.Data;

/// <summary>
/// What the portal and its tools both need to reach the database: the context for the configured provider, the
/// initializer (migrations, reference data, demo data) and the Data Protection keys that seal identity numbers, so
/// that the web host and <c>DisclosurePortal.Tools</c> read and write the same data the same way.
/// </summary>
public static class StorageSetup
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalDatabase(configuration, environment.ContentRootPath);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IdentityNumberSealer>();

        var keys = DataProtectionFolder.From(configuration, environment);
        services.AddSingleton(keys);
        var dataProtection = services.AddDataProtection().SetApplicationName("DisclosurePortal");
        var cluster = ClusterMode.IsOn(configuration);
        if (cluster)
        {
            // Every node the same keys (issue 24): in the database, encrypted at rest with the cluster's certificate.
            dataProtection.PersistKeysToDbContext<PortalDbContext>().ProtectKeysWithCertificate(ClusterMode.KeyCertificate(configuration));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys.Path));
        }
        services.AddSingleton(sp => new SecretKeys(keys, sp.GetRequiredService<IServiceScopeFactory>(), inDatabase: cluster));
        services.AddSingleton<PersonalData>();
        services.AddSingleton<WriterContacts>();
        services.AddSingleton<ConsultationContacts>();
        services.AddSingleton<RaterAddresses>();
        return services;
    }
}

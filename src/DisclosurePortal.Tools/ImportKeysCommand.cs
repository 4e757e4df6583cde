using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisclosurePortal.Tools;

/// <summary>
/// A verb of DisclosurePortal.Tools: <c>import-keys --from DIR</c>, run once with the cluster's settings when a single
/// node on PostgreSQL becomes a cluster (docs/scaling.md, "From one node to several"). A single node keeps its Data
/// Protection keys and its secret keys (the identity numbers' blind index, the raters' address hash) as files in its
/// keys folder; a cluster's nodes read them from the database (ADR 45). Without them the cluster could not read what
/// the single node sealed: identity numbers, notification addresses, the sign-in cookies of the day. The command
/// copies the key ring into <c>DataProtectionKeys</c>, encrypting each key's secret with <c>Cluster:KeyCertificate</c>
/// as the nodes do, and the secret keys into <c>SharedSecrets</c> as they are (Data Protection protects them, with the
/// keys imported beside them). All in one transaction, or nothing: a key the database has already is left as it is;
/// a secret key the cluster made for itself in the meantime (its nodes started first) stops the import, since the
/// blind indexes of the numbers stored so far would no longer match either key.
/// </summary>
internal sealed class ImportKeysCommand : ToolVerb
{
    public const string Verb = "import-keys";

    public const string Usage = """
        Usage: DisclosurePortal.Tools import-keys --from DIR --Database:Provider=PostgreSQL --ConnectionStrings:Portal=…
                                                  --Cluster:KeyCertificate=FILE [--Cluster:KeyCertificatePassword=…]
          --from DIR   the single node's keys folder (DataProtection:KeysFolder, by default data/keys)
        Run it before the nodes first start in cluster mode, on the database the single node used (docs/scaling.md).
        """;

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    private ImportKeysCommand(string? folder, VerbArguments arguments) : base(arguments) => Folder = folder;

    public string? Folder { get; }

    /// <summary>The command, when the first argument is the verb; null otherwise.</summary>
    public static ImportKeysCommand? From(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        string? folder = null;
        var arguments = VerbArguments.Parse(args, Usage, ["--from"], (_, value) =>
        {
            folder = value;
            return string.IsNullOrWhiteSpace(value) ? "--from needs the keys folder." : null;
        });
        if (arguments.Error is null && !arguments.Help && folder is null) arguments = arguments.Refuse("--from DIR is required.");
        return new ImportKeysCommand(folder is null || arguments.Error is not null ? null : Path.GetFullPath(folder), arguments);
    }

    /// <summary>0 when imported (or there was nothing new); 1 when refused, nothing written; 2 for a wrong setting.</summary>
    public async Task<int> RunAsync(IConfiguration configuration, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        if (DatabaseSetup.ProviderFrom(configuration) != DatabaseProvider.PostgreSQL)
        {
            await errors.WriteLineAsync("A cluster's nodes share a PostgreSQL database: set --Database:Provider=PostgreSQL and --ConnectionStrings:Portal to it.");
            return 2;
        }
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = ClusterMode.KeyCertificate(configuration);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }
        var folder = Folder!;
        if (!Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"No keys folder at {folder}.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await errors.WriteLineAsync("The database is not migrated to this version: start one node of this version on it first (or run the upgrade), then import.");
            return 1;
        }

        var encryptor = new CertificateXmlEncryptor(certificate, NullLoggerFactory.Instance);
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        int imported = 0, already = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                already++;
                continue;
            }
            XElement key;
            try
            {
                key = XElement.Load(file);
            }
            catch (System.Xml.XmlException e)
            {
                await errors.WriteLineAsync($"{file} is not a Data Protection key ({e.Message}): nothing was imported.");
                return 1;
            }
            if (key.Name != "key" || key.Descendants(DataProtection + "encryptedSecret").Any())
            {
                await errors.WriteLineAsync($"{file} is not an unencrypted Data Protection key as a single node on Linux writes it: nothing was imported.");
                return 1;
            }
            // As Data Protection's own XmlEncryptionExtensions do: each element that asks for it is replaced by its
            // encrypted form, wrapped in <encryptedSecret> naming the decryptor the nodes will use.
            foreach (var secret in key.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
            {
                var encrypted = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = key.ToString(SaveOptions.DisableFormatting) });
            imported++;
        }

        List<string> secretsImported = [], secretsAlready = [];
        foreach (var name in SecretKeys.Names)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) continue;
            var value = (await File.ReadAllTextAsync(path)).Trim();
            var stored = await db.SharedSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).FirstOrDefaultAsync();
            if (stored is null)
            {
                db.SharedSecrets.Add(new SharedSecret(name, value));
                secretsImported.Add(name);
            }
            else if (stored == value)
            {
                secretsAlready.Add(name);
            }
            else
            {
                await errors.WriteLineAsync(
                    $"The database has a {name} of its own already, made by a node that started in cluster mode before this import: "
                    + "the data the single node stored was indexed with the key in the folder, so the two cannot both be right. Nothing was imported. "
                    + "Stop the nodes, restore the database from before they started (or, if nothing was indexed since, delete that row), and import again.");
                return 1;
            }
        }

        await db.SaveChangesAsync();
        await output.WriteLineAsync(
            $"Imported {imported} Data Protection key(s) (encrypted with {certificate.Subject}; {already} there already) and "
            + $"{secretsImported.Count} secret key(s){(secretsImported.Count > 0 ? $" ({string.Join(", ", secretsImported)})" : "")}"
            + $"{(secretsAlready.Count > 0 ? $"; {string.Join(", ", secretsAlready)} there already" : "")} from {folder}.");
        return 0;
    }
}

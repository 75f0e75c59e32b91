using System.Reflection;
using System.Xml.Linq;

namespace LayerNas.Cli.Tests.Architecture;

/// <summary>
/// The projects' layers, as docs/architecture.md draws them: what each project may reference, both as declared in its
/// project file and as its built assembly actually uses.
/// </summary>
public sealed class ProjectLayersTests
{
    public static TheoryData<string, string[]> Layers => new()
    {
        // The pure core: the protocol's messages and nothing else.
        { "LayerNas.Core", ["LayerNas.Protocol"] },
        { "LayerNas.Trainers", ["LayerNas.Core"] },
        // Actors only: no web server, no gRPC.
        { "LayerNas.Cluster", ["LayerNas.Trainers", "Akka", "Akka.Remote", "Akka.Cluster", "Akka.Cluster.Tools", "Akka.Cluster.Hosting", "Akka.Hosting", "Akka.Persistence", "Akka.Persistence.Hosting", "Akka.Persistence.Sql", "Akka.Persistence.Sql.Hosting", "Microsoft.Data.Sqlite", "Npgsql"] },
        // The web endpoint's pages and probes: the core's messages and ASP.NET, no actors, no gRPC.
        { "LayerNas.Dashboard", ["LayerNas.Core", "Microsoft.AspNetCore.App", "Plotly.Blazor", "Microsoft.AspNetCore.Components.QuickGrid", "OpenTelemetry.Extensions.Hosting", "OpenTelemetry.Exporter.Prometheus.AspNetCore"] },
        // What the client commands need to talk to a coordinator: no actors.
        { "LayerNas.Client", ["LayerNas.Protocol", "Google.Protobuf", "Grpc.Net.Client", "Grpc.Tools"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_project_declares_only_the_references_of_its_layer(string project, string[] allowed)
    {
        var file = XDocument.Load(ProjectFile(project));
        var declared = file.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "FrameworkReference")
            .Select(e => e.Name.LocalName == "ProjectReference" ? Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value) : e.Attribute("Include")!.Value)
            .ToList();

        Assert.All(declared, reference => Assert.Contains(reference, allowed));
    }

    [Theory]
    [InlineData("LayerNas.Core", new[] { "Akka", "Grpc", "Microsoft.AspNetCore", "LayerNas.Trainers", "LayerNas.Cluster", "LayerNas.Client", "LayerNas.Node" })]
    [InlineData("LayerNas.Trainers", new[] { "Akka", "Grpc", "Microsoft.AspNetCore", "LayerNas.Cluster", "LayerNas.Client", "LayerNas.Node" })]
    [InlineData("LayerNas.Cluster", new[] { "Grpc", "Microsoft.AspNetCore", "LayerNas.Client", "LayerNas.Node" })]
    [InlineData("LayerNas.Client", new[] { "Akka", "Microsoft.AspNetCore", "LayerNas.Core", "LayerNas.Cluster", "LayerNas.Node" })]
    [InlineData("LayerNas.Dashboard", new[] { "Akka", "Grpc", "LayerNas.Trainers", "LayerNas.Cluster", "LayerNas.Client", "LayerNas.Node" })]
    public void A_built_assembly_uses_nothing_its_layer_must_not(string project, string[] forbidden)
    {
        var used = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(used, name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)));
    }

    private static string ProjectFile(string project)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", project, $"{project}.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"src/{project}/{project}.csproj was not found above {AppContext.BaseDirectory}");
    }
}

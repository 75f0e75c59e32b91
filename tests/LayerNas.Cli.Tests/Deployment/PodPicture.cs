namespace LayerNas.Cli.Tests.Deployment;

/// <summary>A pod as the kubelet describes it to its container: its name, namespace and IP address.</summary>
internal sealed record PodPicture(string Name, string Namespace, string Ip);

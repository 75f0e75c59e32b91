using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Hosting;
using Google.Protobuf;
using LayerNas.Cluster.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LayerNas.Cluster.Tests.Serialization;

public sealed class ProtobufSerializerTests : IAsyncLifetime
{
    private IHost _host = null!;
    private ActorSystem _system = null!;

    public static TheoryData<string> MessageNames => [.. ProtocolSamples.All.Select(m => m.Descriptor.Name)];

    public async Task InitializeAsync()
    {
        _host = new HostBuilder()
            .ConfigureServices(s => s.AddAkka("serialization", b => b.AddLayerNasSerialization()))
            .Build();
        await _host.StartAsync();
        _system = _host.Services.GetRequiredService<ActorSystem>();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_message_round_trips_through_the_protobuf_serializer_under_a_versioned_manifest(string name)
    {
        var message = ProtocolSamples.All.Single(m => m.Descriptor.Name == name);
        var serialization = _system.Serialization;

        var serializer = Assert.IsType<ProtobufSerializer>(serialization.FindSerializerFor(message));
        var manifest = serializer.Manifest(message);
        var copy = serialization.Deserialize(serialization.Serialize(message), serializer.Identifier, manifest);

        Assert.Equal($"layernas.v1.{name}", manifest);
        Assert.Equal(message, copy);
    }

    [Fact]
    public void Every_bound_type_has_a_sample_with_every_field_set()
    {
        Assert.Equal(
            ProtobufSerializer.BoundTypes.Select(t => t.Name).Order(),
            ProtocolSamples.All.Select(m => m.GetType().Name).Order());
        foreach (var sample in ProtocolSamples.All)
        {
            foreach (var field in sample.Descriptor.Fields.InDeclarationOrder())
            {
                var value = field.Accessor.GetValue(sample);
                var set = value switch
                {
                    null => false,
                    System.Collections.ICollection collection => collection.Count > 0,
                    string text => text.Length > 0,
                    bool flag => flag,
                    IMessage => true,
                    _ => !value.Equals(Activator.CreateInstance(value.GetType())),
                };
                Assert.True(set || field.RealContainingOneof is not null, $"{sample.Descriptor.Name}.{field.Name} is not set in its sample");
            }
        }
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_error()
    {
        var serializer = new ProtobufSerializer((ExtendedActorSystem)_system);

        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary([], "layernas.v0.Nothing"));

        Assert.Contains("layernas.v0.Nothing", error.Message);
    }

    [Fact]
    public void A_message_outside_the_protocol_finds_no_fallback_serializer()
    {
        Assert.ThrowsAny<Exception>(() => _system.Serialization.FindSerializerFor(new NotAProtocolMessage("x")));
    }

    private sealed record NotAProtocolMessage(string Text);
}

using System.Net.Http;
using Grpc.Core;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>gRPC's own failures, as the client library raises them, in the operator's words.</summary>
public sealed class EtcdErrorTranslatorSpecs
{
    private static readonly EtcdSettings Secured = new(Endpoints: "https://127.0.0.1:2379", CaFile: "/etc/sigil/ca.pem");

    [Test]
    public void A_connection_given_up_before_grpc_calls_it_unavailable_is_etcd_unavailable_and_points_at_the_client_certificate()
    {
        var handshake = new HttpRequestException(HttpRequestError.HttpProtocolError,
            "An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.");
        var error = new RpcException(new Status(StatusCode.Internal, "Error starting gRPC call. HttpRequestException: " + handshake.Message, handshake));

        var translated = new EtcdErrorTranslator(Secured).Translate("read prefix /tls/", error);

        translated.ShouldBeOfType<StoreUnavailableException>();
        translated.Message.ShouldContain("Etcd:CertFile");
        translated.Message.ShouldNotContain("gRPC");
        translated.Message.ShouldNotContain("HttpRequestException");
    }

    [Test]
    public void An_internal_error_etcd_answered_stays_an_error_of_etcd()
    {
        var error = new RpcException(new Status(StatusCode.Internal, "etcdserver: unexpected failure"));

        var translated = new EtcdErrorTranslator(Secured).Translate("read prefix /tls/", error);

        translated.ShouldBeOfType<StoreException>();
        translated.Message.ShouldEndWith("failed to read prefix /tls/: unexpected failure");
    }
}

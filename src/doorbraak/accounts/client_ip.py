"""The address a request really came from. Behind a reverse proxy (nginx, a load balancer) every
request's REMOTE_ADDR is the proxy's; the client's address is then in X-Forwarded-For — but
only a proxy we trust may say so, or anyone could pick the address a lockout sees.

DOORBRAAK_TRUSTED_PROXIES (settings.TRUSTED_PROXIES) lists the proxies' addresses. The client
is the right-most X-Forwarded-For entry that is not one of them; without trusted proxies, or
when the request did not come through one, it is REMOTE_ADDR. Used by the login lockout
(django-axes: AXES_CLIENT_IP_CALLABLE) and the audit trail's origin."""

from ipaddress import ip_address

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_address_from(remote_addr: str, forwarded_for: str, trusted: frozenset[str]) -> str:
    """Pure: the client's address from the connection's address, the X-Forwarded-For header
    and the trusted proxies."""
    if remote_addr not in trusted or not forwarded_for:
        return remote_addr
    for hop in reversed(forwarded_for.split(",")):
        address = _valid(hop)
        if address is None:
            return remote_addr  # a garbled header: fall back to what we know
        if address not in trusted:
            return address
    return remote_addr


def client_address(request) -> str:
    return client_address_from(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        frozenset(settings.TRUSTED_PROXIES),
    )

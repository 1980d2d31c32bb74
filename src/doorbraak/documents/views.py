"""Ask for a PDF, wait for it, download it. Only whoever asked sees and downloads it; the
download writes the processing log as the kind says (an export of the object's subjects)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request

from . import services
from .kinds import KINDS
from .models import Document, DocumentKind, DocumentStatus


@login_required
@require_POST
def request_document(request):
    kind = request.POST.get("kind", "")
    object_id = request.POST.get("object", "")
    if kind not in KINDS or not object_id.isdigit():
        raise Http404
    spec = KINDS[DocumentKind(kind)]
    try:
        document = services.document_request(
            actor=request.user, kind=kind, object_id=int(object_id)
        )
    except Http404:
        log_request(
            request, spec.activity, "export", spec.object_type, object_id, [], Outcome.DENIED
        )
        raise
    return redirect("documents:detail", document.pk)


def _own(request, pk) -> Document:
    return get_object_or_404(Document, pk=pk, requested_by_id=request.user.pk)


@login_required
def detail(request, pk):
    document = _own(request, pk)
    return render(
        request,
        "documents/detail.html",
        {"document": document, "waiting": document.status == DocumentStatus.WAITING},
    )


@login_required
def download(request, pk):
    document = _own(request, pk)
    if document.status != DocumentStatus.READY:
        raise Http404
    spec = KINDS[DocumentKind(document.kind)]
    target = spec.find(request.user, document.object_id)  # still allowed to see it?
    log_request(
        request,
        spec.activity,
        "export",
        spec.object_type,
        document.object_id,
        spec.subjects(target),
    )
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type="application/pdf",
    )

"""List and read over the API with the processing log written per data subject.

Every viewset that hands out something about households logs what it returned, and logs a
refused read (an id the caller may not see) as DENIED. The viewsets of the escalation route,
the tables, mandates, the LET and the outreach rows each wrote the same four methods; they
share these now.

    class EscalationViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
        log_activity = Activity.API_ESCALATIONS
        log_object_type = "escalation"

`log_subject_ids` takes the cases of the objects (`obj.case`); a viewset whose objects reach
households another way overrides it. `serialize` is how one object or a page is turned into
data; override it when the serializer needs more context."""

from django.http import Http404
from rest_framework.response import Response

from doorbraak.cases.queries import subject_ids_of_cases
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request


class ProcessingLogged:
    log_activity: str
    log_object_type: str

    def log_subject_ids(self, objects) -> list:
        return subject_ids_of_cases([obj.case for obj in objects])

    def log(self, objects, action="read", object_id="", result=Outcome.OK) -> None:
        log_request(
            self.request,
            self.log_activity,
            action,
            self.log_object_type,
            object_id,
            self.log_subject_ids(objects),
            result,
        )

    def get_logged(self, pk):
        """The object the caller may see; a refusal is logged before the 404."""
        try:
            return self.get_object()
        except Http404:
            self.log([], object_id=pk if pk is not None else "", result=Outcome.DENIED)
            raise

    def serialize(self, objects, many=False):
        return self.get_serializer(objects if many else objects[0], many=many).data

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        data = self.serialize(page, many=True)
        self.log(page)
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_logged(kwargs.get("pk"))
        self.log([obj], object_id=obj.pk)
        return Response(self.serialize([obj]))

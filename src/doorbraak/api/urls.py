"""/api/v1/: token login, the OpenAPI 3 schema, its docs, and each app's resources."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound
from rest_framework.routers import DefaultRouter

from doorbraak.ambassadors.api import AmbassadorViewSet
from doorbraak.approvals.api import ApprovalPolicyViewSet, ApprovalViewSet
from doorbraak.budget.api import BudgetCheckViewSet, PaymentPlanViewSet
from doorbraak.cases.api import BlockerViewSet, CaseViewSet, HouseholdViewSet
from doorbraak.consults.api import ConsultViewSet
from doorbraak.costbenefit.api import CostBenefitView, CostFigureViewSet
from doorbraak.earlysignals.api import EarlySignalViewSet
from doorbraak.escalation.api import (
    EscalationLevelViewSet,
    EscalationViewSet,
    FollowUpActionViewSet,
)
from doorbraak.escalation.api_mandates import MandateUseViewSet
from doorbraak.funds.api import BatchViewSet, FundViewSet, PaymentOrderViewSet
from doorbraak.game.api import GameSessionViewSet
from doorbraak.generic.api import GenericDecisionViewSet, OutreachRowViewSet
from doorbraak.indications.api import IndicationViewSet
from doorbraak.knowledge.api import ArticleViewSet
from doorbraak.learning.api import PatternViewSet, RuleViewSet, SignalViewSet
from doorbraak.let.api import LetSubmissionViewSet
from doorbraak.opendata.api import OpenDataDetailView, OpenDataListView
from doorbraak.pauses.api import PauseViewSet
from doorbraak.proposals.api import CategoryViewSet, LegalGroundViewSet, RequestViewSet
from doorbraak.recovery.api import ForgivenDebtViewSet, RecoveryMarkViewSet
from doorbraak.reports.api import FiguresView
from doorbraak.tables.api import AgendaItemViewSet, MeetingViewSet, TableViewSet
from doorbraak.verhuisbox.api import TrajectoryViewSet
from doorbraak.worktables.api import StructuralSolutionViewSet, WorkTableViewSet

from .auth import ObtainTokenView

router = DefaultRouter()
router.register("cases", CaseViewSet, basename="case")
router.register("households", HouseholdViewSet, basename="household")
router.register("blockers", BlockerViewSet, basename="blocker")
router.register("requests", RequestViewSet, basename="request")
router.register("legal-grounds", LegalGroundViewSet, basename="legal-ground")
router.register("categories", CategoryViewSet, basename="category")
router.register("cost-figures", CostFigureViewSet, basename="cost-figure")
router.register("approvals", ApprovalViewSet, basename="approval")
router.register("approval-policies", ApprovalPolicyViewSet, basename="approval-policy")
router.register("funds", FundViewSet, basename="fund")
router.register("payment-orders", PaymentOrderViewSet, basename="payment-order")
router.register("payment-batches", BatchViewSet, basename="payment-batch")
router.register("escalation-levels", EscalationLevelViewSet, basename="escalation-level")
router.register("escalations", EscalationViewSet, basename="escalation")
router.register("follow-up-actions", FollowUpActionViewSet, basename="follow-up-action")
router.register("mandate-uses", MandateUseViewSet, basename="mandate-use")
router.register("let-submissions", LetSubmissionViewSet, basename="let-submission")
router.register("tables", TableViewSet, basename="table")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("agenda-items", AgendaItemViewSet, basename="agenda-item")
router.register("signals", SignalViewSet, basename="signal")
router.register("rules", RuleViewSet, basename="rule")
router.register("patterns", PatternViewSet, basename="pattern")
router.register("worktables", WorkTableViewSet, basename="worktable")
router.register("structural-solutions", StructuralSolutionViewSet, basename="structural-solution")
router.register("generic-decisions", GenericDecisionViewSet, basename="generic-decision")
router.register("outreach-rows", OutreachRowViewSet, basename="outreach-row")
router.register("articles", ArticleViewSet, basename="article")
router.register("recovery-marks", RecoveryMarkViewSet, basename="recovery-mark")
router.register("forgiven-debts", ForgivenDebtViewSet, basename="forgiven-debt")
router.register("pauses", PauseViewSet, basename="pause")
router.register("consults", ConsultViewSet, basename="consult")
router.register("budget-checks", BudgetCheckViewSet, basename="budget-check")
router.register("payment-plans", PaymentPlanViewSet, basename="payment-plan")
router.register("indications", IndicationViewSet, basename="indication")
router.register("ambassadors", AmbassadorViewSet, basename="ambassador")
router.register("game-sessions", GameSessionViewSet, basename="game-session")
router.register("early-signals", EarlySignalViewSet, basename="early-signal")
router.register("verhuisbox-trajectories", TrajectoryViewSet, basename="verhuisbox-trajectory")


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other /api/v1/…/ path (e.g. an id with a dot, which no route takes): the API's
    JSON 404 in Dutch, as the contract says, not the HTML page."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)


urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("cost-benefit/", CostBenefitView.as_view(), name="api-cost-benefit"),
    path("figures/", FiguresView.as_view(), name="api-figures"),
    path("open-data/", OpenDataListView.as_view(), name="api-open-data"),
    path("open-data/<slug:slug>/", OpenDataDetailView.as_view(), name="api-open-data-detail"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
    re_path(r"^(?P<url>[\s\S]+/)$", not_found, name="api-not-found"),  # also a newline
]

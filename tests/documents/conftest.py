from tests.let.conftest import duo, duo_blocker, leader, regie, student_case, uwv

__all__ = ["duo", "duo_blocker", "leader", "regie", "student_case", "uwv"]

"""Trade fairs, their Japan Pavilions, who exhibits and who comes to buy, slots and interpreters.

The models live in modules by subject; Django and the rest of the code find them here.
"""

from .fairs import (
    OfficeKind,
    OrganisingOffice,
    Pavilion,
    TimetableBreak,
    TradeFair,
    validate_time_zone,
)
from .registrations import (
    BuyerAttendanceDay,
    BuyerRegistration,
    BuyerRegistrationStatus,
    ExhibitorRegistration,
    RegistrationStatus,
    Side,
)
from .slots import Interpreter, MeetingSlot

__all__ = [
    "BuyerAttendanceDay",
    "BuyerRegistration",
    "BuyerRegistrationStatus",
    "ExhibitorRegistration",
    "Interpreter",
    "MeetingSlot",
    "OfficeKind",
    "OrganisingOffice",
    "Pavilion",
    "RegistrationStatus",
    "Side",
    "TimetableBreak",
    "TradeFair",
    "validate_time_zone",
]

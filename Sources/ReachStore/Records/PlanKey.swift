import GRDB

public enum PlanKey: String, StoredEnum {
    case free
    case glowUp = "glow_up"
    case viralSurge = "viral_surge"
    case fameFlex = "fame_flex"
}

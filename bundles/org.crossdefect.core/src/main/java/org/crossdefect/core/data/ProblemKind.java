package org.crossdefect.core.data;

/** The kinds of problems a tree or a dataset mapping can have; each has its own fix. */
public enum ProblemKind {
    NOT_A_FOLDER("the path is not a folder; give the MVTec root, the folder that holds one folder per category"),
    ROOT_IS_A_CATEGORY("this folder is one category (it holds train/ and test/): point the root at the folder above "
            + "it, which holds one folder per category"),
    EMPTY_ROOT("the root holds no category folder; give the folder that holds one folder per category "
            + "(<category>/train/good, <category>/test/<folder>)"),
    EMPTY_CATEGORY("add images to <category>/train/good and <category>/test/<folder>, or remove the category folder"),
    UNSUPPORTED_FILE("remove the file or convert it to PNG, JPEG, BMP or TIFF"),
    UNREADABLE_IMAGE("replace the file with an intact PNG, JPEG, BMP or TIFF image"),
    TRUNCATED_IMAGE("the file was cut off; copy or download it again"),
    MASK_SIZE_MISMATCH("resize or replace the mask so it has the image's width and height"),
    MASK_NOT_BINARY("save the mask with only two values: 0 (good) and 255 (defect), e.g. by thresholding at 128"),
    MISSING_CATEGORY("add the category folder to the root, or remove it from the dataset mapping"),
    MISSING_DEFECT_FOLDER("add the folder <category>/test/<folder>, or fix the name in the dataset mapping");

    private final String fix;

    ProblemKind(String fix) {
        this.fix = fix;
    }

    /** @return what a user does to resolve a problem of this kind */
    public String fix() {
        return fix;
    }
}
